package io.bundlescope.analyzers.anomaly;

import io.bundlescope.index.Intervals;
import io.bundlescope.index.LogQuery;
import io.bundlescope.index.LogStore;
import io.bundlescope.index.TemplateNodeCounts;
import io.bundlescope.parsers.LogRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Reads a bundle's (template, node) statistics from the index in one pass (slots of {@link
 * Intervals#auto} over the bundle's first to last record: at most 200) and scores them.
 */
public final class BundleAnomalies {
  private final LogStore store;
  private final AnomalyScorer scorer;

  public BundleAnomalies(LogStore store, AnomalySettings settings) {
    this.store = store;
    this.scorer = new AnomalyScorer(settings);
  }

  /**
   * The bundle's scored pairs, highest first; empty for a bundle without records.
   *
   * @param isNew whether a template id was first mined in this bundle on this node
   */
  public List<ScoredPair> scan(String bundleId, LongPredicate isNew) {
    LogQuery all = LogQuery.all(List.of(bundleId));
    Optional<LogRecord> first = store.search(all.withPage(1, null)).records().stream().findFirst();
    Optional<LogRecord> last = store.search(new LogQuery(all.bundleIds(), Set.of(), Set.of(), Set.of(), Set.of(),
        Set.of(), null, null, null, 1, null, true)).records().stream().findFirst();
    if (first.isEmpty() || last.isEmpty()) return List.of();
    long from = first.get().timeMicros();
    long to = last.get().timeMicros() + 1;
    long width = Intervals.auto(from, to);
    long origin = Math.floorDiv(from, width) * width;
    int slots = (int) Intervals.slots(from, to, width);
    List<TemplateNodeCounts> pairs = store.templateNodes(all, origin, width, slots);
    Set<Long> fresh = new HashSet<>();
    for (TemplateNodeCounts p : pairs) if (isNew.test(p.templateId())) fresh.add(p.templateId());
    return scorer.score(new AnomalyInput(pairs, fresh, origin, width));
  }
}
