package io.bundlescope.analyzers.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The checks a rule passes before it is stored or run, each problem naming its field. The
 * full-text query's syntax is the index's to judge: {@link RuleChecker} reports a rule it
 * cannot run.
 */
public final class RuleValidation {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  /** Most matches a count condition may ask for. */
  public static final int MAX_MIN_COUNT = 100_000;

  private RuleValidation() {}

  public static List<String> problems(Rule rule) {
    List<String> problems = new ArrayList<>();
    if (rule.id() == null || !ID.matcher(rule.id()).matches()) {
      problems.add("id: 1-64 lower case letters, digits and dashes, starting with a letter or digit");
    }
    if (rule.version() < 0) problems.add("version: must not be negative");
    if (rule.title() == null || rule.title().isBlank()) problems.add("title: required");
    if (rule.severity() == null) problems.add("severity: one of critical, major, minor, info");
    checkMatch(rule.match(), "match", problems);
    RuleCondition c = rule.condition();
    if (c.minCount() < 1 || c.minCount() > MAX_MIN_COUNT) {
      problems.add("condition.min_count: between 1 and " + MAX_MIN_COUNT);
    }
    checkPositive(c.window(), "condition.window", problems);
    if (c.followedBy() != null) {
      checkMatch(c.followedBy().match(), "condition.followed_by.match", problems);
      if (c.followedBy().within() == null) problems.add("condition.followed_by.within: required");
      checkPositive(c.followedBy().within(), "condition.followed_by.within", problems);
    }
    return problems;
  }

  private static void checkMatch(RuleMatch match, String where, List<String> problems) {
    if (match == null) {
      problems.add(where + ": required (query, regex or template)");
      return;
    }
    boolean query = match.query() != null && !match.query().isBlank();
    boolean regex = match.regex() != null && !match.regex().isEmpty();
    boolean template = match.template() != null && !match.template().isBlank();
    if (!query && !template) {
      problems.add(where + ": a query or a template is required (a regex alone would read every record;"
          + " it is checked on what they narrow to)");
    }
    if (regex && template) problems.add(where + ": a regex or a template, not both");
    if (regex) {
      try {
        Pattern.compile(match.regex());
      } catch (PatternSyntaxException e) {
        problems.add(where + ".regex: " + e.getDescription() + " near index " + e.getIndex());
      }
    }
    if (template && TemplatePattern.of(match.template()).textQuery().isEmpty()) {
      problems.add(where + ".template: needs at least one constant word besides <*>");
    }
  }

  private static void checkPositive(Duration d, String where, List<String> problems) {
    if (d != null && (d.isNegative() || d.isZero())) problems.add(where + ": must be positive");
  }
}
