package io.bundlescope.http;

import io.bundlescope.analyzers.templates.Template;
import io.bundlescope.analyzers.templates.TemplateLibrary;
import io.bundlescope.index.LogQuery;
import io.bundlescope.index.LogStore;
import io.bundlescope.index.TemplateStat;
import io.bundlescope.protocol.api.Micros;
import io.bundlescope.protocol.api.TemplatesResponse;
import io.bundlescope.index.CountedRow;
import io.bundlescope.index.CountedViews;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /logs/templates}: the message templates of a bundle (under the search filters)
 * with counts, first/last seen, nodes and services, and whether each is new in the bundle.
 * Template ids and texts are the node's ({@link TemplateLibrary}), so it is answered by the
 * bundle's node.
 */
public final class TemplatesRoutes extends JsonRoutes {
  private final LogStore logs;
  private final TemplateLibrary templates;

  public TemplatesRoutes(LogStore logs, TemplateLibrary templates, Executor blocking) {
    super(blocking);
    this.logs = logs;
    this.templates = templates;
  }

  public Route routes() {
    return pathPrefix("logs", () -> path("templates", () -> get(() -> withParams(this::list))));
  }

  private Route list(Params p) {
    LogQuery query = LogsRoutes.queryOf(p.without("limit"));
    int limit = p.intIn("limit", 500, 1, 10_000);
    String bundle = query.bundleIds().size() == 1 ? query.bundleIds().get(0) : null;
    return blockingRespond(() -> {
      List<CountedRow> counted = logs.counted(query);
      List<TemplateStat> stats = CountedViews.templates(logs.templates(query), counted);
      Map<Long, Long> countedPer = CountedViews.perTemplate(counted);
      return new TemplatesResponse(stats.size(), stats.stream().limit(limit)
          .map(s -> entry(s, bundle, countedPer.getOrDefault(s.templateId(), 0L))).toList());
    });
  }

  private TemplatesResponse.Entry entry(TemplateStat s, String bundle, long counted) {
    String text = templates.template(s.templateId()).map(Template::text).orElse(null);
    boolean isNew = bundle != null && templates.firstBundle(s.templateId()).map(bundle::equals).orElse(false);
    return new TemplatesResponse.Entry(s.templateId(), text, s.count(), Micros.toInstant(s.firstMicros()),
        Micros.toInstant(s.lastMicros()), s.nodes(), s.services(), isNew, counted);
  }
}
