package io.bundlescope.analyzers.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.bundlescope.analyzers.processes.Ending;
import io.bundlescope.analyzers.processes.ProcessRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scorer's rules on hand-made signals (default weights). */
class HealthScorerTest {
  private static final String A = "10.0.0.1";
  private static final String B = "10.0.0.2";
  private final HealthScorer scorer = new HealthScorer();

  /** A quiet service: 1000 records, nothing wrong, one run still going. */
  private static NodeServiceSignals quiet(String node, String service) {
    return new NodeServiceSignals(node, service, 1_000, 0, 0, List.of(), List.of(), 0, 0, List.of(),
        List.of(run(node, service, 1, Ending.RUNNING, null)), List.of(), 0, List.of());
  }

  private static ProcessRun run(String node, String service, long pid, Ending ended, String endId) {
    return new ProcessRun(node, service, pid, pid * 1_000, pid * 1_000 + 500, 10, ended, endId, "first-" + pid);
  }

  private static NodeServiceSignals with(NodeServiceSignals s, long errors, long fatals, long early, long late,
      List<ProcessRun> runs, List<IssueSignal> issues, long anomalous) {
    return new NodeServiceSignals(s.cvmIp(), s.service(), s.records(), errors, fatals,
        fatals == 0 ? List.of() : List.of("f1", "f2", "f3", "f4", "f5", "f6"), errors == 0 ? List.of() : List.of("e1"),
        early, late, late == 0 ? List.of() : List.of("late1"), runs, issues, anomalous,
        anomalous == 0 ? List.of() : List.of("a1"));
  }

  @Test
  void nothingWrongScoresAHundredWithoutReasons() {
    NodeHealth h = scorer.node(quiet(A, "zookeeper"));
    assertThat(h.score()).isEqualTo(100);
    assertThat(h.reasons()).isEmpty();
  }

  @Test
  void eachFatalCostsTenUpToThirtyWithTheLatestAsEvidence() {
    NodeHealth two = scorer.node(with(quiet(A, "s"), 0, 2, 0, 0, quiet(A, "s").runs(), List.of(), 0));
    assertThat(two.reasons()).extracting(Reason::kind, Reason::penalty, Reason::detail)
        .containsExactly(tuple("fatal", 20, "2 FATAL records"));
    NodeHealth six = scorer.node(with(quiet(A, "s"), 0, 6, 0, 0, quiet(A, "s").runs(), List.of(), 0));
    assertThat(six.score()).isEqualTo(70);
    assertThat(six.reasons().get(0).evidence()).as("at most 5 ids").containsExactly("f1", "f2", "f3", "f4", "f5");
  }

  @Test
  void restartsCostEightEachUpToTwentyFourNamingHowTheRunsEnded() {
    List<ProcessRun> runs = List.of(run(A, "s", 1, Ending.FATAL, "x1"), run(A, "s", 2, Ending.RESTARTED, "x2"),
        run(A, "s", 3, Ending.CLEAN, "x3"), run(A, "s", 4, Ending.RUNNING, null));
    NodeHealth h = scorer.node(with(quiet(A, "s"), 0, 0, 0, 0, runs, List.of(), 0));
    assertThat(h.reasons()).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo("restarts");
      assertThat(r.penalty()).isEqualTo(24);
      assertThat(r.detail()).isEqualTo(
          "3 restarts in 4 runs (1 after a FATAL, 1 without an end marker, 1 after a clean stop)");
      assertThat(r.evidence()).containsExactly("x1", "x2", "x3");
    });
    List<ProcessRun> many = new ArrayList<>();
    for (int i = 1; i <= 10; i++) many.add(run(A, "s", i, i == 10 ? Ending.RUNNING : Ending.RESTARTED, "x" + i));
    assertThat(scorer.node(with(quiet(A, "s"), 0, 0, 0, 0, many, List.of(), 0)).score()).as("capped").isEqualTo(76);
  }

  @Test
  void theErrorRateCountsFromFiveErrorsAndIsCappedAtTen() {
    assertThat(scorer.node(with(quiet(A, "s"), 4, 0, 0, 0, List.of(), List.of(), 0)).reasons())
        .as("below five errors").isEmpty();
    NodeHealth some = scorer.node(with(quiet(A, "s"), 100, 0, 100, 0, List.of(), List.of(), 0));
    assertThat(some.reasons()).extracting(Reason::kind, Reason::penalty, Reason::detail)
        .containsExactly(tuple("error_rate", 5, "10.0% of 1000 records are ERROR (100)"));
    NodeHealth most = scorer.node(with(quiet(A, "s"), 900, 0, 900, 0, List.of(), List.of(), 0));
    assertThat(most.reasons()).extracting(Reason::penalty).containsExactly(10);
  }

  @Test
  void aRisingErrorRateCostsFivePerDoublingUpToFifteen() {
    // 30 early (10 per quarter) and 40 late: x4, two doublings
    NodeHealth rising = scorer.node(with(quiet(A, "s"), 70, 0, 30, 40, List.of(), List.of(), 0));
    assertThat(rising.reasons()).extracting(Reason::kind, Reason::penalty)
        .containsExactly(tuple("error_trend", 10), tuple("error_rate", 4));
    assertThat(rising.reasons().get(0).evidence()).containsExactly("late1");
    // none before: the baseline is one per quarter, so 5 late is x5 (11.6 -> 12); 1000 late is capped
    assertThat(scorer.node(with(quiet(A, "s"), 0, 5, 0, 5, List.of(), List.of(), 0)).reasons())
        .extracting(Reason::kind, Reason::penalty).containsExactly(tuple("fatal", 30), tuple("error_trend", 12));
    assertThat(scorer.node(with(quiet(A, "s"), 0, 0, 0, 1_000, List.of(), List.of(), 0)).reasons())
        .extracting(Reason::penalty).containsExactly(15);
    // flat (30 early, 10 late) or too few late
    assertThat(scorer.node(with(quiet(A, "s"), 0, 0, 30, 10, List.of(), List.of(), 0)).reasons()).isEmpty();
    assertThat(scorer.node(with(quiet(A, "s"), 0, 0, 0, 4, List.of(), List.of(), 0)).reasons()).isEmpty();
  }

  @Test
  void issuesCostBySeverityAndTogetherAtMostThirty() {
    List<IssueSignal> issues = List.of(new IssueSignal("minor-1", "Minor", "minor", List.of("m")),
        new IssueSignal("crit-1", "Disk full", "critical", List.of("c1", "c2")),
        new IssueSignal("major-1", "Major", "major", List.of("j")),
        new IssueSignal("crit-2", "Check failed", "critical", List.of("c3")),
        new IssueSignal("info-1", "FYI", "info", List.of("i")));
    NodeHealth h = scorer.node(with(quiet(A, "s"), 0, 0, 0, 0, List.of(), issues, 0));
    assertThat(h.reasons()).extracting(Reason::detail, Reason::penalty).containsExactly(
        tuple("known issue crit-1 (critical): Disk full", 15), tuple("known issue crit-2 (critical): Check failed", 15));
    assertThat(h.reasons().get(0).evidence()).containsExactly("c1", "c2");
    assertThat(h.score()).isEqualTo(70);
  }

  @Test
  void anomaliesCostTwoEachUpToTen() {
    assertThat(scorer.node(with(quiet(A, "s"), 0, 0, 0, 0, List.of(), List.of(), 3)).reasons())
        .extracting(Reason::kind, Reason::penalty, Reason::evidence)
        .containsExactly(tuple("anomalies", 6, List.of("a1")));
    assertThat(scorer.node(with(quiet(A, "s"), 0, 0, 0, 0, List.of(), List.of(), 50)).score()).isEqualTo(90);
  }

  @Test
  void theScoreNeverGoesBelowZeroAndReasonsAreLargestFirst() {
    List<ProcessRun> runs = new ArrayList<>();
    for (int i = 1; i <= 5; i++) runs.add(run(A, "s", i, i == 5 ? Ending.RUNNING : Ending.FATAL, "x" + i));
    List<IssueSignal> issues = List.of(new IssueSignal("c1", "C1", "critical", List.of()),
        new IssueSignal("c2", "C2", "critical", List.of()));
    NodeHealth h = scorer.node(with(quiet(A, "s"), 900, 9, 0, 909, runs, issues, 50));
    assertThat(h.reasons()).extracting(Reason::kind).containsExactly("fatal", "restarts", "error_trend", "issue",
        "issue", "error_rate", "anomalies");
    assertThat(h.reasons()).extracting(Reason::penalty).containsExactly(30, 24, 15, 15, 15, 10, 10);
    assertThat(h.score()).isZero();
  }

  @Test
  void aServiceIsItsWorstNodeAndServicesAndNodesAreSortedWorstFirst() {
    NodeServiceSignals crashing = with(quiet(A, "stargate"), 0, 3, 0, 0,
        List.of(run(A, "stargate", 1, Ending.FATAL, "x1"), run(A, "stargate", 2, Ending.FATAL, "x2"),
            run(A, "stargate", 3, Ending.RUNNING, null)), List.of(), 0);
    NodeServiceSignals oneFatal = with(quiet(B, "stargate"), 0, 1, 0, 0, quiet(B, "stargate").runs(), List.of(), 0);
    List<ServiceHealth> services = scorer.score(List.of(quiet(A, "zookeeper"), quiet(B, "zookeeper"), oneFatal,
        crashing, quiet(A, "genesis"), with(quiet(B, "genesis"), 0, 1, 0, 0, List.of(), List.of(), 0)));

    assertThat(services).extracting(ServiceHealth::service, ServiceHealth::score, ServiceHealth::worstCvmIp,
            ServiceHealth::spread)
        .containsExactly(tuple("stargate", 54, A, 36), tuple("genesis", 90, B, 10), tuple("zookeeper", 100, A, 0));
    ServiceHealth stargate = services.get(0);
    assertThat(stargate.nodes()).extracting(NodeHealth::cvmIp, NodeHealth::score).containsExactly(tuple(A, 54), tuple(B, 90));
    assertThat(stargate.reasons()).isEqualTo(stargate.nodes().get(0).reasons());
    assertThat(scorer.score(List.of(crashing, oneFatal))).as("deterministic").isEqualTo(scorer.score(List.of(oneFatal, crashing)));
  }

  @Test
  void weightsComeFromTheSettings() {
    HealthWeights d = HealthWeights.defaults();
    HealthWeights harsh = new HealthWeights(50, 100, d.restartEach(), d.restartCap(), d.errorRateWeight(),
        d.errorRateCap(), d.errorRateMinErrors(), d.trendPerDoubling(), d.trendCap(), d.trendMinRatio(),
        d.trendMinErrors(), d.issueCritical(), d.issueMajor(), d.issueMinor(), d.issueInfo(), d.issueCap(),
        d.anomalyEach(), d.anomalyThreshold(), d.anomalyCap(), d.maxEvidence());
    assertThat(new HealthScorer(harsh).node(with(quiet(A, "s"), 0, 1, 0, 0, List.of(), List.of(), 0)).score())
        .isEqualTo(50);
  }
}
