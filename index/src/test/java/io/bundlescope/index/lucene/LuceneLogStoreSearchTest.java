package io.bundlescope.index.lucene;

import static io.bundlescope.index.lucene.Fixtures.T0;
import static io.bundlescope.index.lucene.Fixtures.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bundlescope.index.BundleIndexWriter;
import io.bundlescope.index.GroupField;
import io.bundlescope.index.SearchPage;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filters, time ranges, ordering and results of {@link LuceneLogStore#search}. */
class LuceneLogStoreSearchTest {
  private static final Comparator<LogRecord> ORDER = Comparator.comparingLong(LogRecord::timeMicros)
      .thenComparingLong(LogRecord::lineNumber).thenComparing(LogRecord::id);

  @TempDir Path root;
  private LuceneLogStore store;
  private final List<LogRecord> b1 = Fixtures.generated("b1", 300);
  private final List<LogRecord> b2 = Fixtures.generated("b2", 120);

  @BeforeEach
  void writeTwoBundles() {
    store = new LuceneLogStore(root, Duration.ZERO);
    write("b1", b1, 3); // several segments
    write("b2", b2, 1);
  }

  @AfterEach
  void closeStore() throws IOException {
    store.close();
  }

  private void write(String bundle, List<LogRecord> records, int commits) {
    BundleIndexWriter writer = store.writer(bundle);
    int per = (records.size() + commits - 1) / commits;
    for (int i = 0; i < records.size(); i++) {
      writer.add(records.get(i));
      if ((i + 1) % per == 0 || i == records.size() - 1) writer.commit();
    }
  }

  private List<String> ids(Fixtures.Query q) {
    return store.search(q.limit(10_000).build()).records().stream().map(LogRecord::id).toList();
  }

  private List<String> expected(List<LogRecord> records, Predicate<LogRecord> p) {
    return records.stream().filter(p).sorted(ORDER).map(LogRecord::id).toList();
  }

  @Test
  void filtersByService() {
    assertEquals(expected(b1, r -> r.service().equals("cerebro")),
        ids(query("b1").services("cerebro")));
  }

  @Test
  void filtersByCvmIp() {
    assertEquals(expected(b1, r -> "10.0.0.2".equals(r.cvmIp())), ids(query("b1").ips("10.0.0.2")));
  }

  @Test
  void filtersByLevel() {
    assertEquals(expected(b1, r -> r.level() == LogLevel.ERROR),
        ids(query("b1").levels(LogLevel.ERROR)));
  }

  @Test
  void filtersByFilename() {
    String name = b1.get(7).filename();
    assertEquals(expected(b1, r -> r.filename().equals(name)), ids(query("b1").filenames(name)));
  }

  @Test
  void filtersByPid() {
    assertEquals(expected(b1, r -> Objects.equals(r.pid(), 3102L)), ids(query("b1").pids(3102L)));
  }

  @Test
  void matchesAnyValueOfAFieldAndEveryFilteredField() {
    List<String> found = ids(query("b1").services("stargate", "curator")
        .levels(LogLevel.FATAL, LogLevel.WARN).ips("10.0.0.1").pids(3101L, 3103L));
    List<String> want = expected(b1, r -> !r.service().equals("cerebro")
        && (r.level() == LogLevel.FATAL || r.level() == LogLevel.WARN)
        && "10.0.0.1".equals(r.cvmIp()) && (Objects.equals(r.pid(), 3101L)
            || Objects.equals(r.pid(), 3103L)));
    assertTrue(want.size() > 3, "fixture too thin: " + want);
    assertEquals(want, found);
  }

  @Test
  void timeRangeIncludesStartAndExcludesEnd() {
    long start = T0 + 10_000;
    long end = T0 + 20_000;
    List<String> found = ids(query("b1").between(start, end));
    assertEquals(expected(b1, r -> r.timeMicros() >= start && r.timeMicros() < end), found);
    assertEquals(30, found.size());
  }

  @Test
  void openEndedTimeRangesBoundOneSide() {
    assertEquals(expected(b1, r -> r.timeMicros() >= T0 + 90_000),
        ids(query("b1").between(T0 + 90_000, null)));
    assertEquals(expected(b1, r -> r.timeMicros() < T0 + 3_000),
        ids(query("b1").between(null, T0 + 3_000)));
  }

  @Test
  void emptyOrInvertedTimeRangeMatchesNothing() {
    assertEquals(0, store.count(query("b1").between(T0, T0).build()));
    assertEquals(0, store.count(query("b1").between(T0 + 5, T0).build()));
    assertEquals(0, store.count(query("b1").between(null, Long.MIN_VALUE).build()));
  }

  @Test
  void returnsRecordsExactlyAsWritten() {
    LogRecord full = new LogRecord("x-1", "b3", "line one\n  at Foo.bar(Foo.java:1)", "stargate",
        "stargate.INFO.x.3103.gz", "a/b/stargate.INFO.x.3103.gz", T0, "0618 05:36:40.123",
        LogLevel.WARN, "stargate.INFO.x.3103", 3103L, "10.1.1.1", 0.75, 42, "chunk-9");
    LogRecord sparse = new LogRecord("x-2", "b3", "", "svc", "svc.log", "svc.log", T0 + 1, null,
        LogLevel.UNKNOWN, "svc.log", null, null, 0, 1, "chunk-9");
    BundleIndexWriter writer = store.writer("b3");
    writer.add(full);
    writer.add(sparse);
    writer.commit();
    assertEquals(List.of(full, sparse), store.search(query("b3").build()).records());
  }

  @Test
  void sortsByTimeThenLineThenIdInBothOrders() {
    List<LogRecord> asc = store.search(query("b1").limit(10_000).build()).records();
    assertEquals(b1.stream().sorted(ORDER).toList(), asc);
    List<LogRecord> desc = store.search(query("b1").limit(10_000).descending().build()).records();
    assertEquals(b1.stream().sorted(ORDER.reversed()).toList(), desc);
  }

  @Test
  void totalCountsEveryMatchNotOnlyThePage() {
    SearchPage page = store.search(query("b1").services("stargate").limit(7).build());
    assertEquals(7, page.records().size());
    assertEquals(100, page.total());
    assertEquals(100, store.count(query("b1").services("stargate").build()));
  }

  @Test
  void clampsTheLimitToOneThroughTenThousand() {
    assertEquals(1, store.search(query("b1").limit(0).build()).records().size());
    assertEquals(1, store.search(query("b1").limit(-5).build()).records().size());
    write("big", Fixtures.generated("big", LuceneLogStore.MAX_LIMIT + 50), 1);
    SearchPage page = store.search(query("big").limit(50_000).build());
    assertEquals(LuceneLogStore.MAX_LIMIT, page.records().size());
    assertEquals(LuceneLogStore.MAX_LIMIT + 50, page.total());
  }

  @Test
  void searchesSeveralBundlesAsOne() {
    List<LogRecord> both = new ArrayList<>(b1);
    both.addAll(b2);
    assertEquals(expected(both, r -> r.level() == LogLevel.INFO),
        ids(query("b1", "b2").levels(LogLevel.INFO)));
    assertEquals(420, store.count(query("b2", "b1", "b2").build()));
  }

  @Test
  void unknownBundlesSearchAsEmpty() {
    SearchPage page = store.search(query("nope").build());
    assertEquals(0, page.total());
    assertTrue(page.records().isEmpty());
    assertNull(page.nextCursor());
    assertEquals(0, store.count(query("nope").build()));
    assertTrue(store.aggregate(query("nope").build(), GroupField.PID).isEmpty());
    assertEquals(120, store.count(query("nope", "b2").build()));
  }

  @Test
  void rejectsInvalidOrMissingBundleIds() {
    assertThrows(IllegalArgumentException.class, () -> store.search(query("../b1").build()));
    assertThrows(IllegalArgumentException.class, () -> store.count(query("B1").build()));
    assertThrows(IllegalArgumentException.class, () -> store.count(query().build()));
    assertThrows(IllegalArgumentException.class, () -> store.writer("a".repeat(65)));
  }
}
