package io.bundlescope.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.bundlescope.index.LogQuery;
import io.bundlescope.index.LogStore;
import io.bundlescope.index.SearchPage;
import io.bundlescope.parsers.LogRecord;
import io.bundlescope.protocol.api.LogRecordView;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.headers.ContentDisposition;
import org.apache.pekko.http.javadsl.model.headers.ContentDispositionTypes;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * {@code GET /logs/export}: every record the search filters match, in their order, as NDJSON
 * (one {@link LogRecordView} per line) or CSV, streamed as a chunked response. The records are
 * paged through the index with the search cursor, one page ahead at most, so memory stays
 * bounded whatever the size. The first page is read before answering: a bad filter is still a
 * JSON 400, not a broken stream.
 */
public final class ExportRoutes extends JsonRoutes {
  /** Records read from the index per page. */
  static final int PAGE = 1_000;
  private static final ContentType NDJSON =
      MediaTypes.applicationWithFixedCharset("x-ndjson", HttpCharsets.UTF_8, "ndjson").toContentType();
  private static final ContentType CSV = MediaTypes.TEXT_CSV.toContentType(HttpCharsets.UTF_8);

  private final LogStore logs;
  private final AnomalyScores anomalies;

  public ExportRoutes(LogStore logs, Executor blocking) {
    this(logs, AnomalyScores.none(), blocking);
  }

  /** With the {@code anomaly} filter. */
  public ExportRoutes(LogStore logs, AnomalyScores anomalies, Executor blocking) {
    super(blocking);
    this.logs = logs;
    this.anomalies = anomalies;
  }

  public Route routes() {
    return pathPrefix("logs", () -> path("export", () -> get(() -> withParams(this::export))));
  }

  private Route export(Params p) {
    String format = p.optional("format").orElse("ndjson").toLowerCase(Locale.ROOT);
    if (!format.equals("ndjson") && !format.equals("csv")) {
      throw ApiException.badParam("format", "format must be ndjson or csv");
    }
    long limit = p.longIn("limit", Long.MAX_VALUE, 1, Long.MAX_VALUE);
    LogQuery parsed = LogsRoutes.queryOf(p.without("limit")).withPage(PAGE, null);
    Double minAnomaly = AnomalyScores.minScore(p);
    boolean csv = format.equals("csv");
    CompletionStage<LogQuery> resolved = CompletableFuture.supplyAsync(() -> anomalies.restrict(parsed, minAnomaly), blocking);
    CompletionStage<SearchPage> first = resolved.thenApplyAsync(logs::search, blocking);
    return onComplete(first, page -> {
      if (page.isFailure()) return complete(HttpResponses.error(page.failed().get()));
      LogQuery query = resolved.toCompletableFuture().join();
      Source<ByteString, NotUsed> body = pages(query, page.get())
          .mapConcat(SearchPage::records)
          .take(limit)
          .map(r -> csv ? CsvRows.row(r) : ndjson(r))
          .grouped(256)
          .map(ExportRoutes::concat);
      if (csv) body = Source.single(CsvRows.header()).concat(body);
      return complete(HttpResponse.create()
          .withEntity(HttpEntities.createChunked(csv ? CSV : NDJSON, body))
          .addHeader(ContentDisposition.create(ContentDispositionTypes.ATTACHMENT,
              java.util.Map.of("filename", "logs." + format))));
    });
  }

  /** The first page, then each next one, fetched on {@code blocking} when the previous is emitted. */
  private Source<SearchPage, NotUsed> pages(LogQuery query, SearchPage first) {
    return Source.unfoldAsync(Optional.of(first), next -> {
      if (next.isEmpty()) return CompletableFuture.completedFuture(Optional.empty());
      SearchPage page = next.get();
      if (page.nextCursor() == null) return CompletableFuture.completedFuture(Optional.of(Pair.create(Optional.empty(), page)));
      return CompletableFuture.supplyAsync(() -> logs.search(query.withPage(PAGE, page.nextCursor())), blocking)
          .thenApply(following -> Optional.of(Pair.create(Optional.of(following), page)));
    });
  }

  private static ByteString ndjson(LogRecord r) {
    try {
      return ByteString.fromArray(Json.MAPPER.writeValueAsBytes(LogRecordView.of(r))).concat(ByteString.fromString("\n"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize record " + r.id(), e);
    }
  }

  private static ByteString concat(java.util.List<ByteString> parts) {
    ByteString all = ByteString.emptyByteString();
    for (ByteString part : parts) all = all.concat(part);
    return all;
  }
}
