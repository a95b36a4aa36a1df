package io.bundlescope.analyzers.rules;

import java.util.List;

/** What checking rules on a bundle found: the hits, the rules skipped, and how many ran. */
public record RuleReport(List<RuleHit> hits, List<SkippedRule> skipped, int rulesChecked) {
  public RuleReport {
    hits = List.copyOf(hits);
    skipped = List.copyOf(skipped);
  }
}
