package io.bundlescope.store;

import java.time.Instant;
import java.util.List;

/**
 * A row of {@code bundle_issues}: a rule that fired on a bundle, on one node or cluster-wide.
 *
 * @param node the node's IP, or null for a cluster-wide condition
 * @param evidence ids of the records that prove it
 */
public record IssueRow(String logBundleId, String ruleId, int ruleVersion, String title, String severity, String node,
        Instant firstTime, Instant lastTime, long matchCount, int peak, boolean truncated, List<String> evidence) {
    public IssueRow {
        evidence = List.copyOf(evidence);
    }
}
