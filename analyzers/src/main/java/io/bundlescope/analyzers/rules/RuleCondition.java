package io.bundlescope.analyzers.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;

/**
 * When matches make an issue: at least {@code minCount} of them within {@code window} (null: at
 * any distance), counted per node or cluster-wide, and, for a sequence, followed by a second
 * step.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleCondition(Integer minCount, Duration window, Grouping per, FollowedBy followedBy) {
  /** One match anywhere, counted per node. */
  public static final RuleCondition ANY_MATCH = new RuleCondition(1, null, Grouping.NODE, null);

  public RuleCondition {
    if (minCount == null) minCount = 1;
    if (per == null) per = Grouping.NODE;
  }
}
