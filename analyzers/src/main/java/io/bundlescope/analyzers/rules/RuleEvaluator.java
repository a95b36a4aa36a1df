package io.bundlescope.analyzers.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a rule's condition holds over the records that matched its steps. Pure: the
 * occurrences come from wherever records are (the index, a stream); each list must be in time
 * order.
 *
 * <p>Per group (a node, or the cluster), a window slides over the first step's occurrences: the
 * condition is met at the first occurrence that closes a window of at least {@code min_count}
 * occurrences spanning at most {@code window}. A sequence also needs a second-step occurrence,
 * in the same group, between that moment and {@code within} after it (a record matching both
 * steps is not its own follow-up); the first window for which one exists wins. One hit per group.
 */
public final class RuleEvaluator {
  /** Most evidence record ids a hit carries. */
  public static final int MAX_EVIDENCE = 20;

  private RuleEvaluator() {}

  /**
   * @param first occurrences of the rule's match, in time order
   * @param then occurrences of the second step (ignored unless the rule is a sequence)
   * @param truncated whether either list was cut short (marks the hits)
   */
  public static List<RuleHit> evaluate(Rule rule, List<Occurrence> first, List<Occurrence> then, boolean truncated) {
    RuleCondition condition = rule.condition();
    boolean perNode = condition.per() == Grouping.NODE;
    Map<String, List<Occurrence>> thenByGroup = rule.isSequence() ? byGroup(then, perNode) : Map.of();
    List<RuleHit> hits = new ArrayList<>();
    byGroup(first, perNode).forEach((group, occurrences) -> {
      RuleHit hit = evaluateGroup(rule, perNode ? occurrences.get(0).node() : null, occurrences,
          thenByGroup.getOrDefault(group, List.of()), truncated);
      if (hit != null) hits.add(hit);
    });
    return hits;
  }

  private static RuleHit evaluateGroup(Rule rule, String node, List<Occurrence> occurrences,
      List<Occurrence> then, boolean truncated) {
    RuleCondition condition = rule.condition();
    long window = condition.window() == null ? Long.MAX_VALUE : micros(condition.window());
    int from = 0;
    int peak = 0;
    int metFrom = -1;
    int metAt = -1;
    Occurrence followUp = null;
    for (int at = 0; at < occurrences.size(); at++) {
      long end = occurrences.get(at).timeMicros();
      while (end - occurrences.get(from).timeMicros() > window) from++;
      int inWindow = at - from + 1;
      peak = Math.max(peak, inWindow);
      if (metAt >= 0 || inWindow < condition.minCount()) continue;
      if (rule.isSequence()) {
        followUp = firstWithin(then, end, end + micros(condition.followedBy().within()), occurrences, at);
        if (followUp == null) continue;
      }
      metFrom = from;
      metAt = at;
    }
    if (metAt < 0) return null;
    List<String> evidence = new ArrayList<>();
    for (int i = metFrom; i <= metAt && evidence.size() < MAX_EVIDENCE - (followUp == null ? 0 : 1); i++) {
      evidence.add(occurrences.get(i).recordId());
    }
    long last = occurrences.get(occurrences.size() - 1).timeMicros();
    if (followUp != null) {
      evidence.add(followUp.recordId());
      last = followUp.timeMicros();
    }
    return new RuleHit(rule.id(), rule.version(), rule.title(), rule.severity(), node,
        occurrences.get(metFrom).timeMicros(), last, occurrences.size(), peak, evidence, truncated);
  }

  /**
   * The first occurrence with a time in [from, to], by binary search, that is not itself one of
   * the first step's records at {@code from} (a record matching both steps does not follow itself).
   */
  private static Occurrence firstWithin(List<Occurrence> sorted, long from, long to, List<Occurrence> first, int at) {
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted.get(mid).timeMicros() < from) lo = mid + 1;
      else hi = mid;
    }
    for (int i = lo; i < sorted.size() && sorted.get(i).timeMicros() <= to; i++) {
      if (!isAmong(sorted.get(i), first, at, from)) return sorted.get(i);
    }
    return null;
  }

  /** Whether {@code o} is one of first[0..at] with time {@code time} (they end that prefix). */
  private static boolean isAmong(Occurrence o, List<Occurrence> first, int at, long time) {
    for (int i = at; i >= 0 && first.get(i).timeMicros() == time; i--) {
      if (first.get(i).recordId().equals(o.recordId())) return true;
    }
    return false;
  }

  private static Map<String, List<Occurrence>> byGroup(List<Occurrence> occurrences, boolean perNode) {
    Map<String, List<Occurrence>> groups = new LinkedHashMap<>();
    for (Occurrence o : occurrences) {
      String key = perNode ? String.valueOf(o.node()) : "";
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
    }
    return groups;
  }

  private static long micros(Duration d) {
    return d.toNanos() / 1_000;
  }
}
