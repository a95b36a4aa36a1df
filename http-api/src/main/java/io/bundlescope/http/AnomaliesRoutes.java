package io.bundlescope.http;

import io.bundlescope.analyzers.templates.Template;
import io.bundlescope.analyzers.templates.TemplateLibrary;
import io.bundlescope.index.LogQuery;
import io.bundlescope.index.LogStore;
import io.bundlescope.index.TemplateNode;
import io.bundlescope.parsers.LogRecord;
import io.bundlescope.protocol.api.AnomaliesResponse;
import io.bundlescope.store.AnomalyRepository;
import io.bundlescope.store.AnomalyRow;
import io.bundlescope.store.AnomalyScanRow;
import io.bundlescope.store.BundleRepository;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /logs/anomalies}: a bundle's scored (template, node) pairs, highest first, with the
 * template's text (this node's library) and a few sample records (this node's index), so it is
 * answered by the bundle's node ({@link OwnerRouting}).
 */
public final class AnomaliesRoutes extends JsonRoutes {
  static final int SAMPLES = 3;
  private final BundleRepository bundles;
  private final AnomalyRepository repository;
  private final LogStore logs;
  private final TemplateLibrary templates;
  private final String self;

  /** @param self this node's {@code host:port} */
  public AnomaliesRoutes(BundleRepository bundles, AnomalyRepository repository, LogStore logs,
      TemplateLibrary templates, String self, Executor blocking) {
    super(blocking);
    this.bundles = bundles;
    this.repository = repository;
    this.logs = logs;
    this.templates = templates;
    this.self = self;
  }

  public Route routes() {
    return pathPrefix("logs", () -> path("anomalies", () -> get(() -> withParams(p -> {
      String id = p.required("log_bundle_id");
      if (id.contains(",")) throw ApiException.badParam("log_bundle_id", "give exactly one log_bundle_id");
      int limit = p.intIn("limit", 50, 1, 1000);
      double min = p.optional("min_score").map(v -> {
        try {
          return Double.parseDouble(v);
        } catch (NumberFormatException e) {
          throw ApiException.badParam("min_score", "min_score must be a number between 0 and 1");
        }
      }).orElse(0.0);
      return blockingRespond(() -> list(id, min, limit));
    }))));
  }

  private AnomaliesResponse list(String id, double min, int limit) {
    if (bundles.findById(id).isEmpty()) throw ApiException.notFound("log_bundle_id", "no bundle with log_bundle_id " + id);
    AnomalyScanRow scan = repository.lastScan(id).filter(s -> s.scoredOn().equals(self)).orElse(null);
    if (scan == null) return new AnomaliesResponse(id, null, 0, List.of());
    List<AnomalyRow> rows = repository.atLeast(id, self, min, AnomalyScores.MAX_PAIRS);
    return new AnomaliesResponse(id, scan.scannedAt(), rows.size(),
        rows.stream().limit(limit).map(r -> entry(id, r)).toList());
  }

  private AnomaliesResponse.Entry entry(String bundle, AnomalyRow r) {
    String text = templates.template(r.templateId()).map(Template::text).orElse(null);
    LogQuery samples = LogQuery.all(List.of(bundle)).withPage(SAMPLES, null)
        .withTemplateNodes(Set.of(new TemplateNode(r.templateId(), r.node())));
    return new AnomaliesResponse.Entry(r.templateId(), r.node(), r.score(), text, r.recordCount(), r.errorCount(),
        AnomalyScores.reasons(r), logs.search(samples).records().stream().map(LogRecord::id).toList());
  }
}
