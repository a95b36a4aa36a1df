package io.bundlescope.analyzers.rules;

import java.util.List;

/**
 * A rule that fired: where, when, how often, and the records that prove it.
 *
 * @param node the node's IP, or null for a cluster-wide condition
 * @param firstMicros time of the first record of the first window that met the condition
 * @param lastMicros time of the last matching record of the group (a sequence: its second step)
 * @param count records of the group matching the rule's first step
 * @param peak most of them within one window (the whole group when the rule has no window)
 * @param evidence ids of the records of the first window that met the condition (at most
 *     {@link RuleEvaluator#MAX_EVIDENCE}), then, for a sequence, of the second step's record
 * @param truncated the matches were more than the checker reads, so counts are lower bounds
 */
public record RuleHit(
    String ruleId,
    int ruleVersion,
    String title,
    Severity severity,
    String node,
    long firstMicros,
    long lastMicros,
    long count,
    int peak,
    List<String> evidence,
    boolean truncated) {

  public RuleHit {
    evidence = List.copyOf(evidence);
  }
}
