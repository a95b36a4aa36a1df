package io.bundlescope.analyzers.health;

import io.bundlescope.analyzers.processes.ProcessRuns;
import io.bundlescope.analyzers.processes.Scope;
import io.bundlescope.index.Bucket;
import io.bundlescope.index.GroupField;
import io.bundlescope.index.LogQuery;
import io.bundlescope.index.LogStore;
import io.bundlescope.index.TemplateNode;
import io.bundlescope.index.RecordContext;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the scorer's input for every (node, service) of a bundle from the index: counts by level
 * (one aggregation), the latest FATAL and ERROR records, ERROR+FATAL counts before and after the
 * start of the bundle's last quarter (its span: first to last record of the whole bundle).
 *
 * <p>A known issue is mapped to the (node, service) of each of its first {@link
 * #EVIDENCE_LOOKUPS} evidence records (a node-level issue thus lands on the service that logged
 * it; a cluster-wide one on every service it names as evidence); an issue none of whose evidence
 * records is in the index is not scored.
 *
 * <p>Anomalies: the records of the bundle's (template, node) pairs scored at least {@link
 * HealthWeights#anomalyThreshold} (the caller reads them from the stored scores), counted per
 * (node, service) with the index's pair filter.
 */
public final class HealthSignals {
  /** Evidence records of an issue looked up to find its (node, service). */
  public static final int EVIDENCE_LOOKUPS = 5;
  private static final Set<LogLevel> ERRORS = Set.of(LogLevel.ERROR, LogLevel.FATAL);

  private final LogStore store;
  private final HealthWeights weights;

  public HealthSignals(LogStore store, HealthWeights weights) {
    this.store = store;
    this.weights = weights;
  }

  private record Key(String cvmIp, String service) {}

  /** Every (node, service) of the bundle with its signals, by node then service, no anomalies. */
  public List<NodeServiceSignals> gather(String bundleId, ProcessRuns runs, List<IssueSignal> issues) {
    return gather(bundleId, runs, issues, Set.of());
  }

  /**
   * Every (node, service) of the bundle with its signals, by node then service.
   *
   * @param anomalous the bundle's (template, node) pairs scored at least the anomaly threshold
   */
  public List<NodeServiceSignals> gather(String bundleId, ProcessRuns runs, List<IssueSignal> issues,
      Set<TemplateNode> anomalous) {
    Scope bundle = Scope.bundle(bundleId);
    Optional<LogRecord> first = one(bundle, false, null, null);
    Optional<LogRecord> last = one(bundle, true, null, null);
    if (first.isEmpty() || last.isEmpty()) return List.of();
    long start = first.get().timeMicros();
    long end = last.get().timeMicros() + 1;
    long lastQuarter = start + (end - start) * 3 / 4;
    Map<Key, List<IssueSignal>> issuesOf = mapIssues(bundleId, issues);

    List<String> nodes = new ArrayList<>(keys(bundle, GroupField.CVM_IP));
    if (nodes.isEmpty()) nodes.add(null);
    List<NodeServiceSignals> out = new ArrayList<>();
    int n = weights.maxEvidence();
    for (String node : nodes) {
      for (String service : keys(bundle.node(node), GroupField.SERVICE)) {
        Scope s = bundle.node(node).service(service);
        Map<String, Long> byLevel = new HashMap<>();
        long records = 0;
        for (Bucket b : store.aggregate(s.query(), GroupField.LOG_LEVEL)) {
          byLevel.put(b.key(), b.count());
          records += b.count();
        }
        long errors = byLevel.getOrDefault(LogLevel.ERROR.name(), 0L);
        long fatals = byLevel.getOrDefault(LogLevel.FATAL.name(), 0L);
        Scope errorScope = s.levels(ERRORS);
        long early = errors + fatals == 0 ? 0 : store.count(errorScope.query(1, false, null, start, lastQuarter));
        long late = errors + fatals - early;
        Set<TemplateNode> here = new HashSet<>();
        for (TemplateNode p : anomalous) if (Objects.equals(p.cvmIp(), node)) here.add(p);
        LogQuery anomalies = here.isEmpty() ? null : s.query().withTemplateNodes(here);
        long anomalousRecords = anomalies == null ? 0 : store.count(anomalies);
        List<String> anomalyIds = anomalousRecords == 0 ? List.of()
            : store.search(anomalies.withPage(n, null)).records().stream().map(LogRecord::id).toList();
        out.add(new NodeServiceSignals(node, service, records, errors, fatals,
            fatals == 0 ? List.of() : ids(s.levels(Set.of(LogLevel.FATAL)), n, null, null),
            errors == 0 ? List.of() : ids(s.levels(Set.of(LogLevel.ERROR)), n, null, null),
            early, late, late == 0 ? List.of() : ids(errorScope, n, lastQuarter, end),
            runs.of(node, service), issuesOf.getOrDefault(new Key(node, service), List.of()), anomalousRecords, anomalyIds));
      }
    }
    return out;
  }

  private Map<Key, List<IssueSignal>> mapIssues(String bundleId, List<IssueSignal> issues) {
    Map<String, Optional<Key>> where = new HashMap<>();
    Map<Key, List<IssueSignal>> mapped = new LinkedHashMap<>();
    for (IssueSignal issue : issues) {
      Set<Key> keys = new LinkedHashSet<>();
      for (String id : issue.evidence().stream().limit(EVIDENCE_LOOKUPS).toList()) {
        where.computeIfAbsent(id, r -> store.context(bundleId, r, 0, 0).map(RecordContext::target)
            .map(t -> new Key(t.cvmIp(), t.service()))).ifPresent(keys::add);
      }
      for (Key k : keys) mapped.computeIfAbsent(k, x -> new ArrayList<>()).add(issue);
    }
    return mapped;
  }

  private List<String> ids(Scope scope, int limit, Long from, Long to) {
    return store.search(scope.query(limit, true, null, from, to)).records().stream().map(LogRecord::id).toList();
  }

  private Optional<LogRecord> one(Scope scope, boolean newest, Long from, Long to) {
    return store.search(scope.query(1, newest, null, from, to)).records().stream().findFirst();
  }

  private List<String> keys(Scope scope, GroupField field) {
    return store.aggregate(scope.query(), field).stream().map(Bucket::key).sorted().toList();
  }
}
