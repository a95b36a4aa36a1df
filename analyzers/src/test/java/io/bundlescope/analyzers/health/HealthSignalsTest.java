package io.bundlescope.analyzers.health;


import static org.assertj.core.api.Assertions.assertThat;

import io.bundlescope.analyzers.processes.Ending;
import io.bundlescope.analyzers.processes.ProcessRunFinder;
import io.bundlescope.analyzers.processes.ProcessRuns;
import io.bundlescope.analyzers.IndexedBundle;
import io.bundlescope.index.lucene.LuceneLogStore;
import io.bundlescope.parsers.LogLevel;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scorer's input read from a real Lucene index, then scored. */
class HealthSignalsTest {
  private static final String BUNDLE = "b1";
  private static final String A = "10.0.0.1";
  private static final String B = "10.0.0.2";

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

  private String add(long second, String node, String service, Long pid, LogLevel level, String msg) {
    String filename = pid == null ? service + ".out"
        : service + ".host.nutanix.log.INFO.20251130-000000." + pid;
    return bundle.add(second, node, service, filename, pid, level, msg);
  }

  @Test
  void countsTrendRunsAndIssuesLandOnTheirNodeAndService() {
    // the bundle spans 0..400 s: its last quarter starts at 300 s
    add(0, B, "genesis", null, LogLevel.INFO, "start");
    add(400, B, "genesis", null, LogLevel.INFO, "end");
    add(10, A, "stargate", 11L, LogLevel.INFO, "up");
    String f1 = add(20, A, "stargate", 11L, LogLevel.FATAL, "Check failed: a");
    add(30, A, "stargate", 22L, LogLevel.INFO, "up");
    String f2 = add(40, A, "stargate", 22L, LogLevel.FATAL, "Check failed: b");
    add(50, A, "stargate", 33L, LogLevel.INFO, "up");
    for (int i = 0; i < 6; i++) add(310 + i, A, "stargate", 33L, LogLevel.ERROR, "write failed " + i);
    String lastError = add(390, A, "stargate", 33L, LogLevel.ERROR, "write failed again");
    add(10, B, "stargate", 44L, LogLevel.INFO, "up");
    bundle.commit();

    ProcessRuns runs = new ProcessRunFinder(store).find(BUNDLE, Set.of(), Set.of());
    List<IssueSignal> issues = List.of(new IssueSignal("check-failed", "Check failed", "critical", List.of(f1, f2)),
        new IssueSignal("gone", "Evidence not in the index", "critical", List.of("nope")));
    List<NodeServiceSignals> signals =
        new HealthSignals(store, HealthWeights.defaults()).gather(BUNDLE, runs, issues);

    assertThat(signals).extracting(NodeServiceSignals::cvmIp, NodeServiceSignals::service)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(A, "stargate"),
            org.assertj.core.groups.Tuple.tuple(B, "genesis"), org.assertj.core.groups.Tuple.tuple(B, "stargate"));
    NodeServiceSignals a = signals.get(0);
    assertThat(a.records()).isEqualTo(12);
    assertThat(a.errors()).isEqualTo(7);
    assertThat(a.fatals()).isEqualTo(2);
    assertThat(a.fatalIds()).containsExactly(f2, f1);
    assertThat(a.errorIds()).first().isEqualTo(lastError);
    assertThat(a.earlyErrors()).isEqualTo(2);
    assertThat(a.lateErrors()).isEqualTo(7);
    assertThat(a.lateErrorIds()).hasSize(5).first().isEqualTo(lastError);
    assertThat(a.runs()).extracting(r -> r.ended()).containsExactly(Ending.FATAL, Ending.FATAL, Ending.RUNNING);
    assertThat(a.issues()).extracting(IssueSignal::ruleId).containsExactly("check-failed");
    assertThat(signals.get(2).issues()).isEmpty();

    List<ServiceHealth> health = new HealthScorer().score(signals);
    assertThat(health).extracting(ServiceHealth::service).containsExactly("stargate", "genesis");
    // fatal 2x10, restarts 2x8, trend 7 / max(2/3, 1) = x7 -> 5*log2(7) = 14, issue 15, error rate 50*7/12 -> 10
    assertThat(health.get(0).nodes()).extracting(NodeHealth::cvmIp, NodeHealth::score)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(A, 25), org.assertj.core.groups.Tuple.tuple(B, 100));
    assertThat(health.get(0).reasons()).extracting(Reason::kind)
        .containsExactly("fatal", "restarts", "issue", "error_trend", "error_rate");
  }
}
