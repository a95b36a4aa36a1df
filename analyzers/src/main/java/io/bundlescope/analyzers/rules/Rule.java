package io.bundlescope.analyzers.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A known issue: which records to look at, what they say, and when that makes an issue. The
 * format is documented in {@code docs/rules.md}; {@link RuleFormat} reads and writes it.
 *
 * @param id stable identifier: lower case letters, digits and dashes
 * @param version incremented on every saved change (the store owns it)
 * @param kb a knowledge-base link
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"id", "version", "title", "severity", "description", "scope", "match",
    "condition", "kb", "remediation", "tags"})
public record Rule(
    String id,
    int version,
    String title,
    Severity severity,
    String description,
    RuleScope scope,
    RuleMatch match,
    RuleCondition condition,
    String kb,
    String remediation,
    List<String> tags) {

  public Rule {
    if (scope == null) scope = RuleScope.ANY;
    if (condition == null) condition = RuleCondition.ANY_MATCH;
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** The same rule at another version. */
  public Rule withVersion(int newVersion) {
    return new Rule(id, newVersion, title, severity, description, scope, match, condition, kb, remediation, tags);
  }

  /** A sequence rule has a second step. */
  @JsonIgnore
  public boolean isSequence() {
    return condition.followedBy() != null;
  }
}
