package io.bundlescope.analyzers.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;

/**
 * The second step of a sequence: a record matching {@code match} within {@code within} after
 * the first step's condition is met, on the same node when the rule counts per node.
 *
 * @param scope where the second step is looked for; null: the rule's own scope
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FollowedBy(RuleScope scope, RuleMatch match, Duration within) {}
