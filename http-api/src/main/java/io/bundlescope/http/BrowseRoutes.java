package io.bundlescope.http;

import io.bundlescope.index.GroupField;
import io.bundlescope.index.Histogram;
import io.bundlescope.index.Intervals;
import io.bundlescope.index.CountedRow;
import io.bundlescope.index.CountedViews;
import io.bundlescope.index.LogQuery;
import io.bundlescope.index.LogStore;
import io.bundlescope.index.RecordContext;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.protocol.api.ContextResponse;
import io.bundlescope.protocol.api.HeatmapResponse;
import io.bundlescope.protocol.api.HistogramResponse;
import io.bundlescope.protocol.api.Micros;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Browsing over time and around a record: the histogram ({@code /logs/aggregate?group_by=time}),
 * {@code /logs/heatmap} and {@code /logs/context}. Mounted before {@link LogsRoutes}, which
 * answers every other {@code group_by}.
 */
public final class BrowseRoutes extends JsonRoutes {
  /** What a heatmap counts unless the request names levels. */
  static final Set<LogLevel> HEATMAP_LEVELS = Set.of(LogLevel.ERROR, LogLevel.FATAL);
  private static final List<GroupField> SPLITS =
      List.of(GroupField.LOG_LEVEL, GroupField.SERVICE, GroupField.CVM_IP, GroupField.FILENAME);
  private static final List<GroupField> HEATMAP_ROWS = List.of(GroupField.CVM_IP, GroupField.SERVICE);

  private final LogStore logs;
  private final AnomalyScores anomalies;

  public BrowseRoutes(LogStore logs, Executor blocking) {
    this(logs, AnomalyScores.none(), blocking);
  }

  /** With anomaly scores on the context's records and the {@code anomaly} filter. */
  public BrowseRoutes(LogStore logs, AnomalyScores anomalies, Executor blocking) {
    super(blocking);
    this.logs = logs;
    this.anomalies = anomalies;
  }

  public Route routes() {
    return pathPrefix("logs", () -> concat(
        path("aggregate", () -> get(() -> parameter("group_by", groupBy ->
            groupBy.equals("time") ? withParams(this::histogram) : reject()))),
        path("heatmap", () -> get(() -> withParams(this::heatmap))),
        path("context", () -> get(() -> withParams(this::context)))));
  }

  private Route histogram(Params p) {
    LogQuery parsed = LogsRoutes.queryOf(p);
    Double minAnomaly = AnomalyScores.minScore(p);
    Long interval = interval(p);
    GroupField split = p.optional("split_by").map(v -> field("split_by", v, SPLITS)).orElse(null);
    boolean includeCounted = p.flag("include_counted");
    return blockingRespond(() -> {
      LogQuery query = anomalies.restrict(parsed, minAnomaly);
      List<CountedRow> counted = logs.counted(query);
      Histogram indexed = logs.histogram(query, interval, split);
      Histogram h = includeCounted ? CountedViews.histogram(indexed, counted, interval) : indexed;
      List<HistogramResponse.Bucket> buckets = h.slots().stream().map(s -> new HistogramResponse.Bucket(
          Micros.toInstant(s.startMicros()), Micros.toMillis(s.startMicros()), s.count(), s.bySplit())).toList();
      return new HistogramResponse("time", intervalText(h), Micros.toMillis(h.intervalMicros()),
          split == null ? null : split.param(), h.splitKeys(), h.total(), buckets, CountedViews.total(counted));
    });
  }

  private Route heatmap(Params p) {
    LogQuery filtered = LogsRoutes.queryOf(p);
    LogQuery query = filtered.levels().isEmpty() ? filtered.withLevels(HEATMAP_LEVELS) : filtered;
    Long interval = interval(p);
    GroupField rows = field("rows", p.optional("rows").orElse("cvm_ip"), HEATMAP_ROWS);
    Double minAnomaly = AnomalyScores.minScore(p);
    boolean includeCounted = p.flag("include_counted");
    return blockingRespond(() -> {
      LogQuery restricted = anomalies.restrict(query, minAnomaly);
      Histogram h = logs.histogram(restricted, interval, rows);
      return heatmapOf(includeCounted ? CountedViews.histogram(h, logs.counted(restricted), interval) : h, rows,
          query.levels());
    });
  }

  static HeatmapResponse heatmapOf(Histogram h, GroupField rows, Set<LogLevel> levels) {
    List<String> keys = h.splitKeys();
    long[][] cells = new long[keys.size()][h.slots().size()];
    long total = 0;
    long max = 0;
    for (int c = 0; c < h.slots().size(); c++) {
      Histogram.Slot slot = h.slots().get(c);
      for (int r = 0; r < keys.size(); r++) {
        long n = slot.bySplit().getOrDefault(keys.get(r), 0L);
        cells[r][c] = n;
        total += n;
        max = Math.max(max, n);
      }
    }
    return new HeatmapResponse(rows.param(), intervalText(h), Micros.toMillis(h.intervalMicros()),
        levels.stream().map(LogLevel::name).sorted().toList(), keys,
        h.slots().stream().map(s -> Micros.toInstant(s.startMicros())).toList(),
        h.slots().stream().map(s -> Micros.toMillis(s.startMicros())).toList(), cells, total, max);
  }

  private Route context(Params p) {
    List<String> bundles = Params.asList(p.list("log_bundle_id"));
    if (bundles.size() != 1) throw ApiException.badParam("log_bundle_id", "context needs exactly one log_bundle_id");
    String bundle = bundles.get(0);
    String id = p.required("id");
    int before = p.intIn("before", 20, 0, 1_000);
    int after = p.intIn("after", 20, 0, 1_000);
    return blockingRespond(() -> {
      RecordContext ctx = logs.context(bundle, id, before, after).orElseThrow(() ->
          ApiException.notFound("id", "no record " + id + " in bundle " + bundle));
      return new ContextResponse(id, bundle, ctx.target().filepath(), ctx.targetIndex(),
          anomalies.views(ctx.records()));
    });
  }

  /** The slot width as the API spells it; null when nothing matched and no width was asked for. */
  private static String intervalText(Histogram h) {
    return h.intervalMicros() == 0 ? null : Intervals.format(h.intervalMicros());
  }

  /** {@code interval}: absent or {@code auto} (null) or a width such as {@code 5m}. */
  private static Long interval(Params p) {
    String text = p.optional("interval").orElse("auto");
    if (text.equalsIgnoreCase("auto")) return null;
    try {
      return Intervals.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParam("interval", e.getMessage());
    }
  }

  private static GroupField field(String param, String value, List<GroupField> allowed) {
    for (GroupField f : allowed) {
      if (f.param().equals(value)) return f;
    }
    throw ApiException.badParam(param, param + " must be one of "
        + String.join(", ", allowed.stream().map(GroupField::param).toList()));
  }
}
