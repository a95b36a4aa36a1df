package io.bundlescope.store;

import java.time.Instant;

/**
 * A row of {@code bundle_rule_checks}: the last rule check of a bundle.
 *
 * @param skippedJson JSON array of {@code {rule_id, title, reason}}
 * @param isFinal whether it saw the complete bundle
 */
public record RuleCheckRow(String logBundleId, Instant checkedAt, int rulesChecked, String skippedJson,
        boolean isFinal) {}
