package io.bundlescope.store;

import java.time.Instant;

/** A row of {@code rule_versions}: one saved change of a rule. */
public record RuleVersion(String ruleId, int version, String definitionJson, String change, boolean enabled,
        Instant changedAt, String changedBy) {}
