package io.bundlescope.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.bundlescope.index.Bucket;
import io.bundlescope.index.BundleIndexWriter;
import io.bundlescope.index.CountedRecords;
import io.bundlescope.index.CountedRow;
import io.bundlescope.index.CountedViews;
import io.bundlescope.index.GroupField;
import io.bundlescope.index.Histogram;
import io.bundlescope.index.LogQuery;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counted records: aggregated per key and slot, stored beside the index, undone with their chunk. */
class LuceneLogStoreCountedTest {
  private static final long MINUTE = 60_000_000L;
  private static final long T0 = 1_560_836_200_000_000L - 1_560_836_200_000_000L % MINUTE;

  @TempDir Path dir;

  private static LogRecord info(int n, String service, String ip, long time, long template, String chunk) {
    return new LogRecord("r" + n, "b1", "m" + n, service, "f", "p", time, "t", LogLevel.INFO, "f", null, ip, 0, n,
        chunk, template);
  }

  @Test
  void countsOneRowPerTemplateNodeServiceLevelAndSlot() {
    CountedRecords c = new CountedRecords(MINUTE);
    c.add(info(1, "stargate", "10.0.0.1", T0, 7, "c1"));
    c.add(info(2, "stargate", "10.0.0.1", T0 + MINUTE - 1, 7, "c1"));
    c.add(info(3, "stargate", "10.0.0.1", T0 + MINUTE, 7, "c1"));
    c.add(info(4, "stargate", "10.0.0.2", T0, 7, "c1"));
    c.add(info(5, "stargate", "10.0.0.1", T0, 8, "c1"));
    assertThat(c.total()).isEqualTo(5);
    assertThat(c.rows()).containsExactlyInAnyOrder(
        new CountedRow(7, "10.0.0.1", "stargate", LogLevel.INFO, T0, 2),
        new CountedRow(7, "10.0.0.1", "stargate", LogLevel.INFO, T0 + MINUTE, 1),
        new CountedRow(7, "10.0.0.2", "stargate", LogLevel.INFO, T0, 1),
        new CountedRow(8, "10.0.0.1", "stargate", LogLevel.INFO, T0, 1));
  }

  @Test
  void countsAreCommittedBesideTheRecordsAndUndoneWithTheirChunk() throws Exception {
    try (LuceneLogStore store = new LuceneLogStore(dir, Duration.ZERO)) {
      BundleIndexWriter w = store.writer("b1");
      w.add(Fixtures.record("b1", 0, "indexed one"));
      CountedRecords c1 = new CountedRecords(MINUTE);
      for (int i = 0; i < 5; i++) c1.add(info(i, "genesis", "10.0.0.1", T0 + i * MINUTE / 2, 3, "c1"));
      w.addCounted("c1", c1);
      CountedRecords c2 = new CountedRecords(MINUTE);
      c2.add(info(9, "zeus", null, T0, 4, "c2"));
      w.addCounted("c2", c2);
      w.commit();

      LogQuery all = LogQuery.all(List.of("b1"));
      assertThat(store.count(all)).as("counted documents are not records").isEqualTo(1);
      assertThat(CountedViews.total(store.counted(all))).isEqualTo(6);
      assertThat(Files.isDirectory(dir.resolve("b1").resolve("counted"))).isTrue();
      LogQuery genesis = new LogQuery(List.of("b1"), Set.of("genesis"), Set.of(), Set.of(), Set.of(), Set.of(), null,
          null, null, 10, null, false);
      assertThat(CountedViews.total(store.counted(genesis))).isEqualTo(5);
      LogQuery text = new LogQuery(List.of("b1"), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null,
          "anything", 10, null, false);
      assertThat(store.counted(text)).as("a text filter selects no counted record").isEmpty();
      LogQuery firstMinute = all.withTimeRange(T0, T0 + MINUTE);
      assertThat(CountedViews.total(store.counted(firstMinute))).isEqualTo(3);

      w.deleteChunk("c1");
      w.commit();
      assertThat(CountedViews.total(store.counted(all))).isEqualTo(1);
    }
    try (LuceneLogStore reopened = new LuceneLogStore(dir, Duration.ZERO)) {
      assertThat(CountedViews.total(reopened.counted(LogQuery.all(List.of("b1"))))).as("durable").isEqualTo(1);
    }
  }

  @Test
  void aBundleThatCountsNothingHasNoCountedPartition() throws Exception {
    try (LuceneLogStore store = new LuceneLogStore(dir, Duration.ZERO)) {
      BundleIndexWriter w = store.writer("b2");
      w.add(Fixtures.record("b2", 0, "indexed"));
      w.addCounted("c0", new CountedRecords(MINUTE));
      w.deleteChunk("c0");
      w.commit();
      assertThat(Files.exists(dir.resolve("b2").resolve("counted"))).isFalse();
      assertThat(store.counted(LogQuery.all(List.of("b2")))).isEmpty();
    }
  }

  @Test
  void viewsAddCountedRowsToBucketsHistogramsAndTemplates() {
    List<CountedRow> rows = List.of(
        new CountedRow(3, "10.0.0.1", "genesis", LogLevel.INFO, T0, 4),
        new CountedRow(3, null, "genesis", LogLevel.DEBUG, T0 + 3 * MINUTE, 2));
    List<Bucket> merged = CountedViews.aggregate(List.of(new Bucket("ERROR", 5), new Bucket("INFO", 1)), rows,
        GroupField.LOG_LEVEL);
    assertThat(merged).containsExactly(new Bucket("ERROR", 5), new Bucket("INFO", 5), new Bucket("DEBUG", 2));
    assertThat(CountedViews.aggregate(List.of(), rows, GroupField.CVM_IP)).containsExactly(new Bucket("10.0.0.1", 4));
    assertThat(CountedViews.aggregate(List.of(), rows, GroupField.FILENAME)).isEmpty();

    Histogram indexed = new Histogram(MINUTE, GroupField.LOG_LEVEL, List.of("ERROR"),
        List.of(new Histogram.Slot(T0 + MINUTE, 5, Map.of("ERROR", 5L))));
    Histogram h = CountedViews.histogram(indexed, rows, null);
    assertThat(h.slots()).extracting(Histogram.Slot::startMicros)
        .containsExactly(T0, T0 + MINUTE, T0 + 2 * MINUTE, T0 + 3 * MINUTE);
    assertThat(h.slots()).extracting(Histogram.Slot::count).containsExactly(4L, 5L, 0L, 2L);
    assertThat(h.total()).isEqualTo(11);
    assertThat(h.splitKeys()).containsExactly("ERROR", "INFO", "DEBUG");

    var templates = CountedViews.templates(List.of(), rows);
    assertThat(templates).hasSize(1);
    assertThat(templates.get(0).count()).isEqualTo(6);
    assertThat(templates.get(0).firstMicros()).isEqualTo(T0);
    assertThat(templates.get(0).lastMicros()).isEqualTo(T0 + 3 * MINUTE);
    assertThat(new TreeMap<>(CountedViews.perTemplate(rows))).containsExactly(Map.entry(3L, 6L));
  }
}
