package io.bundlescope.analyzers.health;

import java.util.List;

/**
 * A known issue (a rule that fired) as the health score sees it.
 *
 * @param severity {@code critical}, {@code major}, {@code minor} or {@code info}
 * @param evidence ids of the records that prove it
 */
public record IssueSignal(String ruleId, String title, String severity, List<String> evidence) {
  public IssueSignal {
    evidence = List.copyOf(evidence);
  }
}
