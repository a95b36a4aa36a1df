package io.bundlescope.protocol.api;

import java.time.Instant;
import java.util.List;

/**
 * {@code /logs/issues}: the known issues found on a bundle by its last rule check.
 *
 * @param check when the rules were last checked, or null if never
 * @param issues most severe first, then by first occurrence
 * @param skipped rules that could not be judged on this bundle, and why
 */
public record IssuesResponse(String logBundleId, Check check, List<Issue> issues, List<Skipped> skipped) {

  /**
   * @param isFinal whether the check saw the complete bundle (false: the part ingested so far)
   */
  public record Check(Instant checkedAt, int rulesChecked, boolean isFinal) {}

  /**
   * A rule that fired, on one node ({@code node}) or cluster-wide (null).
   *
   * @param evidence ids of the records that prove it (open them with /logs/context)
   * @param kb the rule's knowledge-base link, as the rule says now
   * @param remediation what to do, as the rule says now
   */
  public record Issue(String ruleId, int ruleVersion, String title, String severity, String node, Instant firstTime,
      Instant lastTime, long count, int peak, boolean truncated, List<String> evidence, String kb,
      String remediation) {}

  public record Skipped(String ruleId, String title, String reason) {}
}
