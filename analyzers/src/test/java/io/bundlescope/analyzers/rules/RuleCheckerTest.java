package io.bundlescope.analyzers.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.bundlescope.analyzers.IndexedBundle;
import io.bundlescope.index.lucene.LuceneLogStore;
import io.bundlescope.parsers.LogLevel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules checked against a real Lucene index. */
class RuleCheckerTest {
  private static final String BUNDLE = "b1";

  @TempDir Path dir;
  private IndexedBundle bundle;
  private LuceneLogStore store;

  @BeforeEach
  void open() {
    bundle = new IndexedBundle(dir, BUNDLE);
    store = bundle.store;
  }

  @AfterEach
  void close() throws Exception {
    bundle.close();
  }

  private String add(long second, String node, String service, LogLevel level, String message) {
    return bundle.add(second, node, service, service + (service.equals("cassandra") ? ".log" : ".INFO"), 100L, level,
        message);
  }

  private RuleReport check(String yaml) {
    bundle.commit();
    return new RuleChecker(store).check(BUNDLE, RuleFormat.readAll(yaml));
  }

  @Test
  void aQueryRuleFindsItsRecordsOnEachNode() {
    String a = add(1, "10.0.0.1", "stargate", LogLevel.ERROR, "write failed: No space left on device");
    add(2, "10.0.0.1", "stargate", LogLevel.INFO, "space is fine");
    String b = add(3, "10.0.0.2", "stargate", LogLevel.ERROR, "No space left on device while flushing");
    RuleReport report = check("""
        - {id: enospc, title: Disk full, severity: critical, match: {query: '"no space left on device"'}}
        """);
    assertThat(report.hits()).extracting(RuleHit::node, h -> h.evidence().get(0))
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("10.0.0.1", a),
            org.assertj.core.groups.Tuple.tuple("10.0.0.2", b));
    assertThat(report.rulesChecked()).isEqualTo(1);
    assertThat(report.skipped()).isEmpty();
  }

  @Test
  void scopeLevelsAndRegexNarrowTheMatches() {
    add(1, "10.0.0.1", "stargate", LogLevel.ERROR, "timeout after 500 ms");
    add(2, "10.0.0.1", "cassandra", LogLevel.ERROR, "timeout after 9000 ms");
    add(3, "10.0.0.1", "cassandra", LogLevel.WARN, "timeout after 8000 ms");
    String slow = add(4, "10.0.0.2", "cassandra", LogLevel.ERROR, "timeout after 7000 ms");
    RuleReport report = check("""
        - id: slow
          title: Slow
          severity: minor
          scope: {files: ["cassandra*"], nodes: [10.0.0.2, 10.0.0.9]}
          match: {query: timeout, regex: 'after \\d{4,} ms', levels: [ERROR]}
        """);
    assertThat(report.hits()).singleElement().satisfies(h -> assertThat(h.evidence()).containsExactly(slow));
  }

  @Test
  void aTemplateMatchesOnlyMessagesOfItsShape() {
    String hit = add(1, "10.0.0.1", "stargate", LogLevel.FATAL, "Check failed: num_bytes == 0 (5 vs. 0)");
    add(2, "10.0.0.1", "stargate", LogLevel.FATAL, "Check failed: the index is gone");
    RuleReport report = check("""
        - {id: cf, title: Check failed, severity: critical, match: {template: "Check failed: <*> == <*>"}}
        """);
    assertThat(report.hits()).singleElement().satisfies(h -> assertThat(h.evidence()).containsExactly(hit));
  }

  @Test
  void aSequenceFollowsItsFirstStepOnTheSameNode() {
    String lost = add(10, "10.0.0.1", "zookeeper", LogLevel.WARN, "Session expired for client");
    add(15, "10.0.0.2", "stargate", LogLevel.FATAL, "exiting: lost ZooKeeper session");
    String exit = add(20, "10.0.0.1", "stargate", LogLevel.FATAL, "exiting: lost ZooKeeper session");
    add(30, "10.0.0.2", "zookeeper", LogLevel.WARN, "Session expired for client");
    RuleReport report = check("""
        - id: zk-then-exit
          title: ZooKeeper session lost, then a service exits
          severity: critical
          scope: {services: [zookeeper]}
          match: {query: '"session expired"'}
          condition:
            followed_by: {scope: {services: [stargate]}, match: {query: exiting, levels: [FATAL]}, within: 30s}
        """);
    assertThat(report.hits()).singleElement().satisfies(h -> {
      assertThat(h.node()).isEqualTo("10.0.0.1");
      assertThat(h.evidence()).containsExactly(lost, exit);
    });
  }

  @Test
  void aRuleWhoseFilesAreAbsentIsSkippedWithTheReason() {
    add(1, "10.0.0.1", "stargate", LogLevel.ERROR, "anything");
    RuleReport report = check("""
        - {id: gc, title: GC, severity: minor, scope: {services: [cassandra]}, match: {query: GCInspector}}
        - {id: ntp, title: NTP, severity: minor, scope: {files: ["ntpd*"]}, match: {query: skew}}
        - {id: bad, title: Bad, severity: minor, match: {query: 'AND OR ('}}
        """);
    assertThat(report.hits()).isEmpty();
    assertThat(report.skipped()).extracting(SkippedRule::ruleId, SkippedRule::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("gc", "no logs of cassandra in the bundle"),
        org.assertj.core.groups.Tuple.tuple("ntp", "no file matching ntpd* in the bundle"),
        org.assertj.core.groups.Tuple.tuple("bad", report.skipped().get(2).reason()));
    assertThat(report.skipped().get(2).reason()).startsWith("cannot run:");
  }

  @Test
  void aSequenceWhoseSecondStepHasNoLogsIsSkippedNotCleared() {
    add(1, "10.0.0.1", "zookeeper", LogLevel.WARN, "Session expired for client");
    RuleReport report = check("""
        - id: zk-then-exit
          title: ZooKeeper session lost, then a service exits
          severity: critical
          scope: {services: [zookeeper]}
          match: {query: '"session expired"'}
          condition:
            followed_by: {scope: {services: [stargate]}, match: {query: exiting}, within: 30s}
        """);
    assertThat(report.hits()).isEmpty();
    assertThat(report.skipped()).extracting(SkippedRule::reason)
        .containsExactly("followed_by: no logs of stargate in the bundle");
  }

  @Test
  void matchesBeyondTheReadLimitMarkTheHitTruncated() {
    for (int i = 0; i < 12; i++) add(i, "10.0.0.1", "stargate", LogLevel.ERROR, "connection refused");
    bundle.commit();
    RuleReport report = new RuleChecker(store, 10).check(BUNDLE, RuleFormat.readAll("""
        - {id: refused, title: Refused, severity: major, match: {query: refused}, condition: {min_count: 5, window: 1m}}
        """));
    assertThat(report.hits()).singleElement().satisfies(h -> {
      assertThat(h.truncated()).isTrue();
      assertThat(h.count()).isEqualTo(10);
      assertThat(h.evidence()).hasSize(5);
    });
  }

  @Test
  void refsComeInTimeOrderAcrossPages() {
    for (int i = 30; i > 0; i--) add(i, "10.0.0.1", "stargate", LogLevel.ERROR, "boom");
    bundle.commit();
    List<Long> times = store.refs(io.bundlescope.index.LogQuery.all(List.of(BUNDLE)), 100).stream()
        .map(io.bundlescope.index.RecordRef::timeMicros).toList();
    assertThat(times).hasSize(30).isSorted();
  }
}
