package io.bundlescope.http;

import io.bundlescope.index.LogQuery;
import io.bundlescope.index.TemplateNode;
import io.bundlescope.parsers.LogRecord;
import io.bundlescope.protocol.api.LogRecordView;
import io.bundlescope.store.AnomalyRepository;
import io.bundlescope.store.AnomalyRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The stored anomaly scores as the routes use them, always those this node computed (template
 * ids are per node): records annotated with their pair's score and reasons, and the {@code
 * anomaly} filter (a minimum score) turned into the index's (template, node) pair filter. Calls
 * are blocking (JDBC): make them on the blocking executor.
 */
public final class AnomalyScores {
  /** At most this many pairs in one filter. */
  static final int MAX_PAIRS = 100_000;
  private final AnomalyRepository repository;
  private final String self;

  /** @param self this node's {@code host:port}, as recorded when it scores a bundle */
  public AnomalyScores(AnomalyRepository repository, String self) {
    this.repository = repository;
    this.self = self;
  }

  /** Scores nothing and refuses the filter (routes built without a repository). */
  static AnomalyScores none() {
    return new AnomalyScores(null, null);
  }

  /** The {@code anomaly} parameter: a minimum score in [0, 1], or null. */
  static Double minScore(Params p) {
    return p.optional("anomaly").map(v -> {
      try {
        double d = Double.parseDouble(v);
        if (d >= 0 && d <= 1) return d;
      } catch (NumberFormatException e) {
        // reported below
      }
      throw ApiException.badParam("anomaly", "anomaly must be a minimum score between 0 and 1, e.g. 0.5");
    }).orElse(null);
  }

  /** The query restricted to the pairs scored at least {@code min} (null: unchanged). */
  LogQuery restrict(LogQuery query, Double min) {
    if (min == null) return query;
    if (repository == null) throw ApiException.badParam("anomaly", "anomaly is not supported here");
    Set<TemplateNode> pairs = new HashSet<>();
    for (String bundle : query.bundleIds()) pairs.addAll(pairs(bundle, min));
    return query.withTemplateNodes(pairs);
  }

  /** The bundle's pairs scored at least {@code min}. */
  public Set<TemplateNode> pairs(String bundleId, double min) {
    Set<TemplateNode> pairs = new HashSet<>();
    if (repository == null) return pairs;
    for (AnomalyRow r : repository.atLeast(bundleId, self, min, MAX_PAIRS)) pairs.add(new TemplateNode(r.templateId(), r.node()));
    return pairs;
  }

  /** The records as views, each with its pair's score and reasons when it has any. */
  List<LogRecordView> views(List<LogRecord> records) {
    List<LogRecordView> views = new ArrayList<>(records.size());
    if (repository == null) {
      for (LogRecord r : records) views.add(LogRecordView.of(r));
      return views;
    }
    Map<String, Set<Long>> templatesOf = new HashMap<>();
    for (LogRecord r : records) {
      if (r.templateId() != 0) templatesOf.computeIfAbsent(r.logBundleId(), k -> new HashSet<>()).add(r.templateId());
    }
    Map<String, AnomalyRow> scored = new HashMap<>();
    templatesOf.forEach((bundle, ids) -> {
      for (AnomalyRow row : repository.ofTemplates(bundle, self, ids)) scored.put(key(bundle, row.templateId(), row.node()), row);
    });
    for (LogRecord r : records) {
      LogRecordView v = LogRecordView.of(r);
      AnomalyRow row = scored.get(key(r.logBundleId(), r.templateId(), r.cvmIp()));
      views.add(row == null ? v : v.withAnomaly(row.score(), reasons(row)));
    }
    return views;
  }

  static List<LogRecordView.Reason> reasons(AnomalyRow row) {
    return row.reasons().stream().map(x -> new LogRecordView.Reason(x.kind(), x.detail(), x.contribution())).toList();
  }

  private static String key(String bundle, long template, String node) {
    return bundle + '\n' + template + '\n' + Objects.requireNonNullElse(node, "");
  }
}
