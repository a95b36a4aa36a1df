package io.bundlescope.analyzers.rules;

import io.bundlescope.index.LogQuery;
import io.bundlescope.index.LogStore;
import io.bundlescope.index.RecordRef;
import io.bundlescope.index.SearchPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks rules against a bundle in a {@link LogStore}: each step of a rule becomes one index
 * query (scope and levels as exact filters, the query and the template's words as full text,
 * the regex checked on what those leave), its matches are read as {@link RecordRef}s in time
 * order, and {@link RuleEvaluator} judges the condition. Works as well on a bundle still being
 * ingested (on what is searchable so far) as on a finished one.
 */
public final class RuleChecker {
  /** Most matches of one step read per rule; beyond it hits are marked truncated. */
  public static final int MAX_OCCURRENCES = 100_000;

  private final LogStore store;
  private final int maxOccurrences;

  public RuleChecker(LogStore store) {
    this(store, MAX_OCCURRENCES);
  }

  RuleChecker(LogStore store, int maxOccurrences) {
    this.store = store;
    this.maxOccurrences = maxOccurrences;
  }

  public RuleReport check(String bundleId, List<Rule> rules) {
    BundleFacts facts = BundleFacts.of(store, bundleId);
    List<RuleHit> hits = new ArrayList<>();
    List<SkippedRule> skipped = new ArrayList<>();
    for (Rule rule : rules) {
      Optional<String> empty = facts.whyEmpty(rule.scope());
      FollowedBy step = rule.condition().followedBy();
      if (empty.isEmpty() && step != null && step.scope() != null) {
        // the second step's logs are absent: the rule cannot be judged, as for the first step
        empty = facts.whyEmpty(step.scope()).map(why -> "followed_by: " + why);
      }
      if (empty.isPresent()) {
        skipped.add(new SkippedRule(rule.id(), rule.title(), empty.get()));
        continue;
      }
      try {
        hits.addAll(check(bundleId, rule, facts));
      } catch (IllegalArgumentException e) {
        skipped.add(new SkippedRule(rule.id(), rule.title(), "cannot run: " + e.getMessage()));
      }
    }
    return new RuleReport(hits, skipped, rules.size());
  }

  /** What {@code rule} finds in the bundle, with up to {@code samples} of its matching records. */
  public Backtest backtest(String bundleId, Rule rule, int samples) {
    BundleFacts facts = BundleFacts.of(store, bundleId);
    Optional<String> empty = facts.whyEmpty(rule.scope());
    if (empty.isPresent()) return new Backtest(bundleId, 0, List.of(), List.of(), empty.get());
    try {
      LogQuery first = query(bundleId, rule.scope(), rule.match(), facts);
      SearchPage page = store.search(first.withPage(samples, null));
      return new Backtest(bundleId, page.total(), check(bundleId, rule, facts), page.records(), null);
    } catch (IllegalArgumentException e) {
      return new Backtest(bundleId, 0, List.of(), List.of(), "cannot run: " + e.getMessage());
    }
  }

  private List<RuleHit> check(String bundleId, Rule rule, BundleFacts facts) {
    List<RecordRef> first = store.refs(query(bundleId, rule.scope(), rule.match(), facts), maxOccurrences + 1);
    boolean truncated = first.size() > maxOccurrences;
    List<RecordRef> then = List.of();
    FollowedBy step = rule.condition().followedBy();
    if (step != null && !first.isEmpty()) {
      RuleScope scope = step.scope() == null ? rule.scope() : step.scope();
      then = store.refs(query(bundleId, scope, step.match(), facts).withTimeRange(first.get(0).timeMicros(), null),
          maxOccurrences + 1);
      truncated |= then.size() > maxOccurrences;
    }
    return RuleEvaluator.evaluate(rule, occurrences(first), occurrences(then), truncated);
  }

  /** The index query of one step of a rule within its scope. */
  static LogQuery query(String bundleId, RuleScope scope, RuleMatch match, BundleFacts facts) {
    List<String> text = new ArrayList<>();
    if (match.query() != null && !match.query().isBlank()) text.add("(" + match.query() + ")");
    String regex = match.regex() == null || match.regex().isEmpty() ? null : match.regex();
    if (match.template() != null && !match.template().isBlank()) {
      TemplatePattern template = TemplatePattern.of(match.template());
      text.add("(" + template.textQuery() + ")");
      regex = template.regex();
    }
    Set<String> files = scope.files().isEmpty() ? Set.of() : facts.filesMatching(scope.files());
    return new LogQuery(List.of(bundleId), Set.copyOf(scope.services()), Set.copyOf(scope.nodes()),
        Set.copyOf(match.levels()), files, Set.of(), null, null, String.join(" AND ", text), 1, null, false,
        Set.of(), regex);
  }

  private List<Occurrence> occurrences(List<RecordRef> refs) {
    List<Occurrence> list = new ArrayList<>(Math.min(refs.size(), maxOccurrences));
    for (RecordRef r : refs.subList(0, Math.min(refs.size(), maxOccurrences))) {
      list.add(new Occurrence(r.timeMicros(), r.cvmIp(), r.id()));
    }
    return list;
  }
}
