package io.bundlescope.index.lucene;

import static io.bundlescope.index.lucene.Fixtures.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bundlescope.index.Bucket;
import io.bundlescope.index.BundleIndexWriter;
import io.bundlescope.index.GroupField;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact group counts of {@link LuceneLogStore#aggregate}. */
class LuceneLogStoreAggregateTest {
  @TempDir Path root;
  private LuceneLogStore store;
  private final List<LogRecord> b1 = Fixtures.generated("b1", 1000);
  private final List<LogRecord> b2 = Fixtures.generated("b2", 333);

  @BeforeEach
  void writeTwoBundles() {
    store = new LuceneLogStore(root, Duration.ZERO);
    BundleIndexWriter w1 = store.writer("b1");
    for (int i = 0; i < b1.size(); i++) {
      w1.add(b1.get(i));
      if (i % 150 == 149) w1.commit(); // several segments with different ordinals
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

  private static List<Bucket> expected(Stream<LogRecord> records, Function<LogRecord, String> key) {
    Map<String, Long> counts = records.map(key).filter(Objects::nonNull)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    return counts.entrySet().stream().map(e -> new Bucket(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(Bucket::count).reversed().thenComparing(Bucket::key))
        .toList();
  }

  private static Function<LogRecord, String> key(GroupField field) {
    return switch (field) {
      case SERVICE, FILENAME_WITHOUT_EXT -> LogRecord::service;
      case CVM_IP -> LogRecord::cvmIp;
      case LOG_LEVEL -> r -> r.level().name();
      case FILENAME -> LogRecord::filename;
      case PID -> r -> r.pid() == null ? null : r.pid().toString();
      case TEMPLATE_ID -> r -> r.templateId() == 0 ? null : Long.toString(r.templateId());
    };
  }

  @Test
  void countsEveryGroupFieldExactly() {
    for (GroupField field : GroupField.values()) {
      List<Bucket> want = expected(b1.stream(), key(field));
      assertTrue(want.size() > 1, field + " fixture too thin");
      assertEquals(want, store.aggregate(query("b1").build(), field), field.param());
    }
  }

  @Test
  void countsOnlyMatchingRecords() {
    Predicate<LogRecord> match = r -> r.service().equals("curator") && r.timeMicros()
        >= Fixtures.T0 + 50_000;
    for (GroupField field : List.of(GroupField.LOG_LEVEL, GroupField.PID, GroupField.CVM_IP)) {
      assertEquals(expected(b1.stream().filter(match), key(field)),
          store.aggregate(query("b1").services("curator").between(Fixtures.T0 + 50_000, null)
              .build(), field));
    }
    List<Bucket> byText = store.aggregate(query("b1").text("\"number 7\"").build(),
        GroupField.SERVICE);
    assertEquals(List.of(new Bucket("cerebro", 1)), byText);
  }

  @Test
  void sumsGroupsAcrossBundles() {
    for (GroupField field : List.of(GroupField.FILENAME, GroupField.PID)) {
      assertEquals(expected(Stream.concat(b1.stream(), b2.stream()), key(field)),
          store.aggregate(query("b1", "b2").build(), field));
    }
  }

  @Test
  void leavesRecordsWithoutAValueOutOfTheBuckets() {
    long withPid = b1.stream().filter(r -> r.pid() != null).count();
    long withIp = b1.stream().filter(r -> r.cvmIp() != null).count();
    assertTrue(withPid < b1.size() && withIp < b1.size());
    assertEquals(withPid, sum(store.aggregate(query("b1").build(), GroupField.PID)));
    assertEquals(withIp, sum(store.aggregate(query("b1").build(), GroupField.CVM_IP)));
  }

  @Test
  void ordersBucketsByCountThenKey() {
    List<Bucket> levels = store.aggregate(query("b2").build(), GroupField.LOG_LEVEL);
    // 333 records cycling FATAL, ERROR, WARN, INFO: the three tied at 83 come in key order
    assertEquals(List.of(new Bucket("FATAL", 84), new Bucket("ERROR", 83), new Bucket("INFO", 83),
        new Bucket("WARN", 83)), levels);
  }

  @Test
  void countsManyDistinctNumbers() {
    BundleIndexWriter writer = store.writer("pids");
    for (int i = 0; i < 5000; i++) {
      writer.add(Fixtures.record("pids", i, "svc", null, LogLevel.INFO, (long) (i % 1000) * 7919,
          Fixtures.T0, "m", "c"));
    }
    writer.commit();
    List<Bucket> buckets = store.aggregate(query("pids").build(), GroupField.PID);
    assertEquals(1000, buckets.size());
    assertTrue(buckets.stream().allMatch(b -> b.count() == 5));
    assertEquals("0", buckets.get(0).key());
  }

  private static long sum(List<Bucket> buckets) {
    return buckets.stream().mapToLong(Bucket::count).sum();
  }
}
