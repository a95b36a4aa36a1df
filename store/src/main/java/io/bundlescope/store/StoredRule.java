package io.bundlescope.store;

import java.time.Instant;

/**
 * A row of {@code rules}: a rule's current definition (JSON) and state.
 *
 * @param origin {@code starter}, {@code user} or {@code import}
 */
public record StoredRule(String ruleId, int version, String definitionJson, boolean enabled, boolean deleted,
        String origin, Instant updatedAt) {}
