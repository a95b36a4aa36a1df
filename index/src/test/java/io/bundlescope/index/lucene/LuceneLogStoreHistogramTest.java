package io.bundlescope.index.lucene;

import static io.bundlescope.index.lucene.Fixtures.T0;
import static io.bundlescope.index.lucene.Fixtures.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bundlescope.index.BundleIndexWriter;
import io.bundlescope.index.GroupField;
import io.bundlescope.index.Histogram;
import io.bundlescope.index.Intervals;
import io.bundlescope.index.InvalidQueryException;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Time histograms of {@link LuceneLogStore#histogram}, checked against the written records. */
class LuceneLogStoreHistogramTest {
  private static final long SECOND = 1_000_000;
  @TempDir Path root;
  private LuceneLogStore store;
  private final List<LogRecord> b1 = Fixtures.generated("b1", 3000); // 1000 ms of records
  private final List<LogRecord> b2 = Fixtures.generated("b2", 600);

  @BeforeEach
  void writeTwoBundles() {
    store = new LuceneLogStore(root, Duration.ZERO);
    BundleIndexWriter w1 = store.writer("b1");
    for (int i = 0; i < b1.size(); i++) {
      w1.add(b1.get(i));
      if (i % 700 == 699) w1.commit(); // several segments with different ordinals
    }
    w1.commit();
    BundleIndexWriter w2 = store.writer("b2");
    b2.forEach(w2::add);
    w2.commit();
  }

  @AfterEach
  void closeStore() throws IOException {
    store.close();
  }

  /** Counts per slot start computed from the records themselves. */
  private static Map<Long, Long> expected(Stream<LogRecord> records, long width) {
    return records.collect(Collectors.groupingBy(r -> Math.floorDiv(r.timeMicros(), width) * width,
        TreeMap::new, Collectors.counting()));
  }

  private static Map<Long, Long> nonZero(Histogram h) {
    return h.slots().stream().filter(s -> s.count() > 0)
        .collect(Collectors.toMap(Histogram.Slot::startMicros, Histogram.Slot::count, Long::sum, TreeMap::new));
  }

  @Test
  void countsEveryRecordIntoItsSlotOfAGivenWidth() {
    long width = 50_000; // 50 ms
    Histogram h = store.histogram(query("b1").build(), width, null);
    assertEquals(width, h.intervalMicros());
    assertEquals(expected(b1.stream(), width), nonZero(h));
    assertEquals(b1.size(), h.total());
    for (int i = 1; i < h.slots().size(); i++) {
      assertEquals(h.slots().get(i - 1).startMicros() + width, h.slots().get(i).startMicros(), "consecutive slots");
    }
  }

  @Test
  void automaticWidthGivesAtMost200RoundSlotsOverTheMatchesSpan() {
    Histogram h = store.histogram(query("b1").build(), null, null);
    long span = b1.get(b1.size() - 1).timeMicros() - b1.get(0).timeMicros() + 1;
    assertEquals(Intervals.auto(b1.get(0).timeMicros(), b1.get(b1.size() - 1).timeMicros() + 1), h.intervalMicros());
    assertEquals(5_000, h.intervalMicros(), "1 s of records: 5 ms slots");
    assertTrue(h.slots().size() >= 80 && h.slots().size() <= 200, h.slots().size() + " slots for " + span);
    assertEquals(expected(b1.stream(), h.intervalMicros()), nonZero(h));
    assertEquals(Math.floorDiv(b1.get(0).timeMicros(), h.intervalMicros()) * h.intervalMicros(),
        h.slots().get(0).startMicros());
  }

  @Test
  void aTimeRangeSetsTheSpanAndEmptySlotsAreListed() {
    long from = T0 - 10 * SECOND;
    long to = T0 + 10 * SECOND;
    Histogram h = store.histogram(query("b2").between(from, to).build(), null, null);
    assertEquals(100_000, h.intervalMicros(), "20 s: 100 ms slots");
    assertEquals(200, h.slots().size());
    assertEquals(from, h.slots().get(0).startMicros());
    assertEquals(b2.size(), h.total());
    assertEquals(0, h.slots().get(0).count());
  }

  @Test
  void splitsEachSlotByAKeywordAndHonoursEveryFilter() {
    Predicate<LogRecord> match = r -> !r.service().equals("curator") && r.timeMicros() >= T0 + 100_000;
    Histogram h = store.histogram(query("b1", "b2").services("stargate", "cerebro")
        .between(T0 + 100_000, null).build(), 100_000L, GroupField.LOG_LEVEL);
    List<LogRecord> all = Stream.concat(b1.stream(), b2.stream()).filter(match).toList();
    assertEquals(all.size(), h.total());
    for (Histogram.Slot slot : h.slots()) {
      Map<String, Long> want = all.stream()
          .filter(r -> r.timeMicros() >= slot.startMicros() && r.timeMicros() < slot.startMicros() + 100_000)
          .collect(Collectors.groupingBy(r -> r.level().name(), TreeMap::new, Collectors.counting()));
      assertEquals(want, new TreeMap<>(slot.bySplit()), "slot " + slot.startMicros());
      assertEquals(want.values().stream().mapToLong(Long::longValue).sum(), slot.count());
    }
    assertEquals(List.of("FATAL", "ERROR", "WARN", "INFO").stream().sorted().toList(),
        h.splitKeys().stream().sorted().toList());
  }

  @Test
  void aRangeStartingAndEndingInsideSlotsCountsOnlyItsRecords() {
    long from = T0 + 123_456;
    long to = T0 + 700_001;
    for (GroupField split : new GroupField[] {null, GroupField.SERVICE}) { // read off the index sort, and visited
      Histogram h = store.histogram(query("b1").between(from, to).build(), 50_000L, split);
      assertEquals(expected(b1.stream().filter(r -> r.timeMicros() >= from && r.timeMicros() < to), 50_000), nonZero(h));
      assertEquals(T0 + 100_000, h.slots().get(0).startMicros());
    }
  }

  @Test
  void deletedRecordsAreNotCounted() {
    store.writer("b1").deleteChunk("c1");
    store.writer("b1").commit();
    Histogram h = store.histogram(query("b1").build(), 100_000L, null);
    assertEquals(expected(b1.stream().filter(r -> !r.chunkId().equals("c1")), 100_000), nonZero(h));
  }

  @Test
  void nothingMatchingAndNoRangeGivesNoSlots() {
    Histogram h = store.histogram(query("b1").text("nosuchword").build(), null, GroupField.SERVICE);
    assertEquals(List.of(), h.slots());
    assertEquals(0, h.intervalMicros(), "no span, no automatic width");
    assertEquals(List.of(), store.histogram(query("unknown").build(), null, null).slots());
  }

  @Test
  void refusesTooManySlotsAndASplitByPid() {
    InvalidQueryException many = assertThrows(InvalidQueryException.class,
        () -> store.histogram(query("b1").between(T0, T0 + 3600 * SECOND).build(), 1_000L, null));
    assertEquals("interval", many.param());
    assertEquals("split_by", assertThrows(InvalidQueryException.class,
        () -> store.histogram(query("b1").build(), null, GroupField.PID)).param());
  }

  @Test
  void countsOnlyRecordsWithAGivenLevelForAHeatmap() {
    Histogram h = store.histogram(query("b1").levels(LogLevel.ERROR, LogLevel.FATAL).build(), 200_000L, GroupField.CVM_IP);
    Map<String, Long> byIp = b1.stream().filter(r -> r.cvmIp() != null)
        .filter(r -> r.level() == LogLevel.ERROR || r.level() == LogLevel.FATAL)
        .collect(Collectors.groupingBy(LogRecord::cvmIp, TreeMap::new, Collectors.counting()));
    Map<String, Long> got = new TreeMap<>();
    h.slots().forEach(s -> s.bySplit().forEach((k, v) -> got.merge(k, v, Long::sum)));
    assertEquals(byIp, got);
  }
}
