package io.bundlescope.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.bundlescope.index.CountedRow;
import io.bundlescope.index.CountedViews;
import io.bundlescope.index.GroupField;
import io.bundlescope.protocol.IngestPolicy;
import io.bundlescope.index.LogQuery;
import io.bundlescope.index.LogStore;
import io.bundlescope.index.SearchPage;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.protocol.api.AggregateResponse;
import io.bundlescope.protocol.api.BundleMetadata;
import io.bundlescope.protocol.api.JobStatus;
import io.bundlescope.protocol.api.SearchResponse;
import io.bundlescope.store.BundleRepository;
import io.bundlescope.store.BundleRow;
import io.bundlescope.parsers.LogRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * The seed's APIs ({@code /logs/metadata}, {@code /logs/analyze}, {@code /logs/job_status}) and
 * browsing ({@code /logs/search}, {@code /logs/aggregate}). Blocking work (PostgreSQL, Lucene)
 * runs on {@code blocking}, never on the HTTP dispatcher.
 */
public final class LogsRoutes extends JsonRoutes {
  private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
  private final BundleGateway gateway;
  private final BundleRepository bundles;
  private final LogStore logs;
  private final AnomalyScores anomalies;

  public LogsRoutes(BundleGateway gateway, BundleRepository bundles, LogStore logs, Executor blocking) {
    this(gateway, bundles, logs, AnomalyScores.none(), blocking);
  }

  /** With anomaly scores on the records and the {@code anomaly} filter. */
  public LogsRoutes(BundleGateway gateway, BundleRepository bundles, LogStore logs, AnomalyScores anomalies,
      Executor blocking) {
    super(blocking);
    this.gateway = gateway;
    this.bundles = bundles;
    this.logs = logs;
    this.anomalies = anomalies;
  }

  public Route routes() {
    return pathPrefix("logs", () -> concat(
        path("metadata", () -> get(() -> withParams(this::metadata))),
        path("analyze", () -> post(() -> withParams(p -> entity(Unmarshaller.entityToString(), body -> respond(() -> analyze(p, body)))))),
        path("job_status", () -> get(() -> withParams(this::jobStatus))),
        path("reindex", () -> post(() -> withParams(this::reindex))),
        path("search", () -> get(() -> withParams(this::search))),
        path("aggregate", () -> get(() -> withParams(this::aggregate)))));
  }

  private Route metadata(Params p) {
    String logType = p.optional("log_type").orElse(null);
    String logPath = p.optional("log_path").orElse(null);
    return blockingRespond(() -> bundles.list(logType, logPath).stream().map(LogsRoutes::metadataOf).toList());
  }

  private CompletionStage<?> analyze(Params p, String body) {
    String path = p.optional("log_bundle_path").orElse(null);
    boolean reanalyze = p.flag("reanalyze");
    String info = p.optional("info").orElse(null);
    String debug = p.optional("debug").orElse(null);
    String slot = p.optional("count_slot").orElse(null);
    if (!body.isBlank() && (path == null || info == null && debug == null && slot == null)) {
      JsonNode json = readJson(body);
      if (path == null) path = json.path("log_bundle_path").asText(null);
      reanalyze = reanalyze || json.path("reanalyze").asBoolean(false);
      if (info == null) info = json.path("info").asText(null);
      if (debug == null) debug = json.path("debug").asText(null);
      if (slot == null) slot = json.path("count_slot").asText(null);
    }
    if (path == null || path.isBlank()) {
      throw ApiException.badParam("log_bundle_path", "missing parameter log_bundle_path");
    }
    return gateway.analyze(path, reanalyze, new IngestPolicy.Request(mode("info", info), mode("debug", debug),
        countSlot(slot)));
  }

  private static IngestPolicy.Mode mode(String param, String text) {
    try {
      return IngestPolicy.Mode.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParam(param, param + ": " + e.getMessage());
    }
  }

  private static java.time.Duration countSlot(String text) {
    if (text == null) return null;
    try {
      return java.time.Duration.ofNanos(io.bundlescope.index.Intervals.parse(text) * 1000);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParam("count_slot", e.getMessage());
    }
  }

  private static JsonNode readJson(String body) {
    try {
      JsonNode json = Json.MAPPER.readTree(body);
      if (json == null || !json.isObject()) throw ApiException.badParam("body", "request body must be a JSON object");
      return json;
    } catch (JsonProcessingException e) {
      throw ApiException.badParam("body", "request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** Indexes an analyzed bundle again under its id (after a restore, or a lost index). */
  private Route reindex(Params p) {
    String id = p.required("log_bundle_id");
    return respond(() -> CompletableFuture.supplyAsync(() -> bundles.findById(id)
            .orElseThrow(() -> ApiException.notFound("log_bundle_id", "no bundle with log_bundle_id " + id)), blocking)
        .thenCompose(row -> {
          if (row.status() != io.bundlescope.store.JobStatus.COMPLETED) {
            throw new ApiException(409, "log_bundle_id", "bundle " + id + " is " + row.status().wire()
                + ": only an analyzed bundle is reindexed");
          }
          return gateway.reindex(id);
        }));
  }

  private Route jobStatus(Params p) {
    String id = p.required("log_bundle_id");
    return blockingRespond(() -> jobStatusOf(bundles.findById(id)
        .orElseThrow(() -> ApiException.notFound("log_bundle_id", "no bundle with log_bundle_id " + id))));
  }

  private Route search(Params p) {
    LogQuery parsed = queryOf(p);
    Double minAnomaly = AnomalyScores.minScore(p);
    return blockingRespond(() -> {
      LogQuery query = anomalies.restrict(parsed, minAnomaly);
      SearchPage page = logs.search(query);
      return new SearchResponse(page.total(), anomalies.views(page.records()), page.nextCursor(),
          query.text() == null ? null : highlights(query.text(), page), CountedViews.total(logs.counted(query)));
    });
  }

  private Route aggregate(Params p) {
    GroupField field;
    try {
      field = GroupField.fromParam(p.required("group_by"));
    } catch (IllegalArgumentException e) {
      throw ApiException.badParam("group_by", e.getMessage());
    }
    LogQuery parsed = queryOf(p);
    Double minAnomaly = AnomalyScores.minScore(p);
    boolean includeCounted = p.flag("include_counted");
    return blockingRespond(() -> {
      LogQuery query = anomalies.restrict(parsed, minAnomaly);
      List<CountedRow> counted = logs.counted(query);
      List<io.bundlescope.index.Bucket> indexed = logs.aggregate(query, field);
      List<AggregateResponse.Bucket> buckets = (includeCounted ? CountedViews.aggregate(indexed, counted, field) : indexed)
          .stream().map(b -> new AggregateResponse.Bucket(b.key(), b.count())).toList();
      return new AggregateResponse(field.param(), buckets.stream().mapToLong(AggregateResponse.Bucket::count).sum(), buckets,
          CountedViews.total(counted));
    });
  }

  /** Per record id, where the text query matched in its message. */
  private Map<String, List<int[]>> highlights(String text, SearchPage page) {
    Map<String, List<int[]>> byId = new LinkedHashMap<>();
    for (LogRecord r : page.records()) {
      List<int[]> spans = logs.highlights(text, r.message()).stream().map(s -> new int[] {s.start(), s.end()}).toList();
      if (!spans.isEmpty()) byId.put(r.id(), spans);
    }
    return byId;
  }

  /** Filters shared by search, aggregate and the browse routes. */
  static LogQuery queryOf(Params p) {
    List<String> ids = Params.asList(p.list("log_bundle_id"));
    if (ids.isEmpty()) throw ApiException.badParam("log_bundle_id", "missing parameter log_bundle_id");
    String order = p.optional("order").orElse("asc").toLowerCase(Locale.ROOT);
    if (!order.equals("asc") && !order.equals("desc")) throw ApiException.badParam("order", "order must be asc or desc");
    Long start = p.timeMicros("start_time").orElse(null);
    Long end = p.timeMicros("end_time").orElse(null);
    if (start != null && end != null && start >= end) throw ApiException.badParam("end_time", "end_time must be after start_time");
    return new LogQuery(ids, p.list("service"), p.list("cvm_ip"), p.list("log_level", LogsRoutes::level),
        p.list("filename"), p.list("pid", Long::parseLong), start, end, p.optional("q").orElse(null),
        p.intIn("limit", 100, 1, 10_000), p.optional("cursor").orElse(null), order.equals("desc"),
        p.list("ip", LogsRoutes::ipv4), p.untrimmed("regex").orElse(null), p.list("template_id", Long::parseLong));
  }

  private static String ipv4(String text) {
    if (!IPV4.matcher(text).matches()) throw new IllegalArgumentException("an IPv4 address such as 10.1.2.3");
    return text;
  }

  static LogLevel level(String text) {
    LogLevel level = LogLevel.normalize(text);
    if (level == LogLevel.UNKNOWN && !text.equalsIgnoreCase("UNKNOWN")) {
      throw new IllegalArgumentException("use FATAL, ERROR, WARN, INFO, DEBUG, TRACE or UNKNOWN");
    }
    return level;
  }

  static BundleMetadata metadataOf(BundleRow r) {
    return new BundleMetadata(r.logBundlePath(), r.isAnalyzed(), r.bundleSize(), r.logBundleId(),
        r.logType() != null ? r.logType() : r.bundleType(), r.status().wire(), r.bundleType(),
        r.hostingWorkerVmIp(), r.remoteLogBundlePath(), r.submittedAt(), policyOf(r));
  }

  static JobStatus jobStatusOf(BundleRow r) {
    JsonNode summary = null;
    if (r.summaryJson() != null) {
      try {
        summary = Json.MAPPER.readTree(r.summaryJson());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("stored summary is not JSON for " + r.logBundleId(), e);
      }
    }
    return new JobStatus(r.logBundleId(), r.status().wire(), r.startTime(), r.endTime(), r.errorMsg(),
        r.logBundlePath(), r.bundleType(), r.hostingWorkerVmIp(),
        new JobStatus.Progress(r.filesTotal(), r.filesDone(), r.bytesTotal(), r.bytesDone(), r.records(),
            r.recordsCounted(), r.recordsDropped()),
        r.warnings(), summary, policyOf(r));
  }

  /** The bundle's ingest policy; a bundle submitted before policies indexed every record. */
  static JsonNode policyOf(BundleRow r) {
    try {
      return Json.MAPPER.readTree(r.ingestPolicyJson() != null ? r.ingestPolicyJson() : IngestPolicy.INDEX_ALL.json());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored ingest policy is not JSON for " + r.logBundleId(), e);
    }
  }
}
