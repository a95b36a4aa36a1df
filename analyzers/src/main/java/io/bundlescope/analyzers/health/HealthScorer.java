package io.bundlescope.analyzers.health;

import io.bundlescope.analyzers.processes.Ending;
import io.bundlescope.analyzers.processes.ProcessRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Scores services from their signals; pure and deterministic (same signals, same answer).
 *
 * <p>A (node, service) starts at 100 and loses, per kind, a penalty capped by {@link
 * HealthWeights}; its score is {@code max(0, 100 - sum)}:
 * <ul>
 *   <li>{@code fatal}: {@code fatalEach} per FATAL record;
 *   <li>{@code restarts}: {@code restartEach} per restart (runs - 1);
 *   <li>{@code error_rate}: {@code errorRateWeight} x the share of ERROR records, from
 *       {@code errorRateMinErrors} of them on;
 *   <li>{@code error_trend}: with {@code ratio = late / max(early / 3, 1)} (the ERROR+FATAL count
 *       of the bundle's last quarter over the mean of its first three quarters, at least one per
 *       quarter), {@code trendPerDoubling x log2(ratio)} when the ratio is at least {@code
 *       trendMinRatio} and the last quarter has at least {@code trendMinErrors};
 *   <li>{@code issue}: per known issue, by severity, the whole kind capped (largest first);
 *   <li>{@code anomalies}: {@code anomalyEach} per anomalous record.
 * </ul>
 * A service is scored by its worst node (its reasons are that node's); {@code spread} is how far
 * its best node is above it. Nodes and services are sorted worst first, ties by name.
 */
public final class HealthScorer {
  private static final Comparator<NodeHealth> WORST_NODE_FIRST = Comparator.comparingInt(NodeHealth::score)
      .thenComparing(NodeHealth::cvmIp, Comparator.nullsFirst(Comparator.naturalOrder()));
  private static final Comparator<ServiceHealth> WORST_SERVICE_FIRST = Comparator.comparingInt(ServiceHealth::score)
      .thenComparing(Comparator.comparingInt(ServiceHealth::spread).reversed())
      .thenComparing(ServiceHealth::service);

  private final HealthWeights w;

  public HealthScorer(HealthWeights weights) {
    this.w = weights;
  }

  public HealthScorer() {
    this(HealthWeights.defaults());
  }

  /** Every service, worst first, each with its nodes worst first. */
  public List<ServiceHealth> score(List<NodeServiceSignals> signals) {
    Map<String, List<NodeHealth>> byService = new LinkedHashMap<>();
    signals.stream().sorted(Comparator.comparing(NodeServiceSignals::service))
        .forEach(s -> byService.computeIfAbsent(s.service(), k -> new ArrayList<>()).add(node(s)));
    List<ServiceHealth> services = new ArrayList<>();
    byService.forEach((service, nodes) -> {
      nodes.sort(WORST_NODE_FIRST);
      NodeHealth worst = nodes.get(0);
      int best = nodes.stream().mapToInt(NodeHealth::score).max().orElse(worst.score());
      services.add(new ServiceHealth(service, worst.score(), worst.cvmIp(), best - worst.score(), worst.reasons(),
          List.copyOf(nodes)));
    });
    services.sort(WORST_SERVICE_FIRST);
    return services;
  }

  /** The score of one service on one node. */
  public NodeHealth node(NodeServiceSignals s) {
    List<Reason> reasons = new ArrayList<>();
    if (s.fatals() > 0) {
      add(reasons, Reason.FATAL, s.fatals() + " FATAL record" + plural(s.fatals()),
          capped(w.fatalEach() * s.fatals(), w.fatalCap()), s.fatalIds());
    }
    restarts(s, reasons);
    if (s.errors() >= w.errorRateMinErrors() && s.errors() > 0 && s.records() > 0) {
      double share = (double) s.errors() / s.records();
      add(reasons, Reason.ERROR_RATE, String.format(Locale.ROOT, "%.1f%% of %d records are ERROR (%d)",
          100 * share, s.records(), s.errors()), capped(w.errorRateWeight() * share, w.errorRateCap()), s.errorIds());
    }
    double ratio = s.lateErrors() / Math.max(s.earlyErrors() / 3.0, 1.0);
    if (s.lateErrors() >= w.trendMinErrors() && ratio >= w.trendMinRatio()) {
      add(reasons, Reason.ERROR_TREND, String.format(Locale.ROOT,
          "ERROR and FATAL records rising: %d in the bundle's last quarter against %d in its first three (x%.1f)",
          s.lateErrors(), s.earlyErrors(), ratio),
          capped(w.trendPerDoubling() * Math.log(ratio) / Math.log(2), w.trendCap()), s.lateErrorIds());
    }
    issues(s, reasons);
    if (s.anomalous() > 0) {
      add(reasons, Reason.ANOMALIES, s.anomalous() + " anomalous record" + plural(s.anomalous()),
          capped(w.anomalyEach() * s.anomalous(), w.anomalyCap()), s.anomalyIds());
    }
    reasons.sort(Comparator.comparingInt(Reason::penalty).reversed()); // stable: kind order breaks ties
    int total = reasons.stream().mapToInt(Reason::penalty).sum();
    return new NodeHealth(s.cvmIp(), Math.max(0, 100 - total), List.copyOf(reasons));
  }

  private void restarts(NodeServiceSignals s, List<Reason> reasons) {
    List<ProcessRun> runs = s.runs();
    int restarts = Math.max(0, runs.size() - 1);
    if (restarts == 0) return;
    List<ProcessRun> ended = runs.subList(0, restarts);
    long fatal = ended.stream().filter(r -> r.ended() == Ending.FATAL).count();
    long clean = ended.stream().filter(r -> r.ended() == Ending.CLEAN).count();
    long unclean = restarts - fatal - clean;
    String detail = restarts + " restart" + plural(restarts) + " in " + runs.size() + " runs (" + fatal
        + " after a FATAL, " + unclean + " without an end marker, " + clean + " after a clean stop)";
    add(reasons, Reason.RESTARTS, detail, capped(w.restartEach() * restarts, w.restartCap()),
        ended.stream().map(ProcessRun::endRecordId).filter(Objects::nonNull).toList());
  }

  private void issues(NodeServiceSignals s, List<Reason> reasons) {
    List<IssueSignal> issues = new ArrayList<>(s.issues());
    issues.sort(Comparator.comparingDouble((IssueSignal i) -> w.issue(i.severity())).reversed()
        .thenComparing(IssueSignal::ruleId));
    int left = (int) Math.round(w.issueCap());
    for (IssueSignal i : issues) {
      int penalty = Math.min(left, (int) Math.round(w.issue(i.severity())));
      left -= penalty;
      add(reasons, Reason.ISSUE, "known issue " + i.ruleId() + " (" + i.severity() + "): " + i.title(), penalty,
          i.evidence());
    }
  }

  private void add(List<Reason> reasons, String kind, String detail, int penalty, List<String> evidence) {
    if (penalty <= 0) return;
    reasons.add(new Reason(kind, detail, penalty, evidence.stream().limit(w.maxEvidence()).toList()));
  }

  private static int capped(double penalty, double cap) {
    return (int) Math.round(Math.min(penalty, cap));
  }

  private static String plural(long n) {
    return n == 1 ? "" : "s";
  }
}
