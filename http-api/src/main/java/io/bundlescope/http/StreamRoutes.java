package io.bundlescope.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.protocol.LiveEvent;
import io.bundlescope.protocol.api.StreamFrame;
import io.bundlescope.store.BundleRepository;
import io.bundlescope.store.BundleRow;
import io.bundlescope.store.IssueRepository;
import io.bundlescope.store.RuleCheckRow;
import io.bundlescope.store.JobStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.model.ws.WebSocketUpgrade;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.japi.pf.PFBuilder;
import org.apache.pekko.stream.BufferOverflowException;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /logs/stream}: a WebSocket following one bundle's ingest live, served by any node
 * through {@link LiveFeed}. Each event becomes JSON text frames ({@link StreamFrame}) for the
 * client's {@code min_level}; the socket closes after the {@code end} frame, or after a
 * {@code closed} frame when the client reads too slowly. Refusals come before the upgrade, as
 * JSON errors.
 */
public final class StreamRoutes extends JsonRoutes {
  private static final Logger log = LoggerFactory.getLogger(StreamRoutes.class);
  private static final ObjectWriter FRAMES = Json.MAPPER.writerFor(StreamFrame.class);
  private static final String TOO_SLOW = "the client read too slowly: the frames waiting for it exceeded the node's"
      + " buffer (bundlescope.stream.client-buffer); reconnect and catch up with /logs/search";

  private final LiveFeed live;
  private final BundleRepository bundles;
  private final IssueRepository issues;
  private final Duration endCheckInterval;
  private final Duration finalCheckWait;

  /**
   * @param endCheckInterval how often log_bundles is read for an end the subscription may have missed
   * @param finalCheckWait how long the publisher holds a completed bundle's end for its final rule check
   */
  public StreamRoutes(LiveFeed live, BundleRepository bundles, IssueRepository issues, Duration endCheckInterval,
      Duration finalCheckWait, Executor blocking) {
    super(blocking);
    this.live = live;
    this.bundles = bundles;
    this.issues = issues;
    this.endCheckInterval = endCheckInterval;
    this.finalCheckWait = finalCheckWait;
  }

  public Route routes() {
    return pathPrefix("logs", () -> path("stream", () -> get(() -> withParams(p -> extractRequest(r -> stream(p, r))))));
  }

  private Route stream(Params p, HttpRequest request) {
    String id = p.required("log_bundle_id");
    LogLevel minLevel = minLevel(p);
    WebSocketUpgrade upgrade = request.getAttribute(AttributeKeys.webSocketUpgrade).orElseThrow(() -> new ApiException(
        400, null, "/logs/stream is a WebSocket: connect with ws://host:port/logs/stream?log_bundle_id=" + id));
    var row = CompletableFuture.supplyAsync(() -> bundles.findById(id)
        .orElseThrow(() -> ApiException.notFound("log_bundle_id", "no bundle with log_bundle_id " + id)), blocking);
    return onComplete(row, found -> found.isFailure()
        ? complete(HttpResponses.error(found.failed().get()))
        : complete(upgrade.handleMessagesWith(Flow.fromSinkAndSourceCoupled(ignoreIncoming(),
            frames(found.get(), minLevel).map(TextMessage::create)))));
  }

  private LogLevel minLevel(Params p) {
    LogLevel floor = live.floor();
    return p.optional("min_level").map(text -> {
      LogLevel level = LogLevel.normalize(text);
      if (level == LogLevel.UNKNOWN || !level.atLeast(floor)) {
        throw ApiException.badParam("min_level", "min_level must be one of " + levelsFrom(floor) + " (this node"
            + " publishes nothing below " + floor + "): '" + text + "'");
      }
      return level;
    }).orElse(LogLevel.ERROR.atLeast(floor) ? LogLevel.ERROR : floor);
  }

  private static List<String> levelsFrom(LogLevel floor) {
    return Arrays.stream(LogLevel.values()).filter(l -> l.atLeast(floor)).map(LogLevel::name).toList();
  }

  /** An analyzed or failed bundle gets its end at once; else the live events until the end. */
  private Source<String, NotUsed> frames(BundleRow bundle, LogLevel minLevel) {
    Source<LiveEvent, NotUsed> events = ended(bundle)
        .<Source<LiveEvent, NotUsed>>map(Source::single)
        .orElseGet(() -> live.follow(bundle.logBundleId()).merge(endFromStatus(bundle.logBundleId())));
    return events
        .takeWhile(e -> !(e instanceof LiveEvent.Ended), true)
        .mapConcat(e -> StreamFrames.of(e, minLevel))
        .map(StreamRoutes::json)
        .recover(new PFBuilder<Throwable, String>()
            .match(BufferOverflowException.class, e -> {
              log.warn("dropped a /logs/stream client of bundle {} that read too slowly", bundle.logBundleId());
              return json(new StreamFrame.Closed(TOO_SLOW));
            })
            .build());
  }

  /**
   * The end as log_bundles records it, for a subscription that missed the published one (it
   * began just as the bundle ended): emitted once two checks in a row see it settled, so that the
   * live end, published at the same moment, wins whenever it comes. A completed bundle is settled
   * once its final rule check is stored too (the publisher holds the end for it, so that the
   * check's rule_hit frames come first), or when the publisher's wait for it is over.
   */
  private Source<LiveEvent, NotUsed> endFromStatus(String id) {
    record Seen(LiveEvent.Ended ended, boolean settled) {}
    record Streak(int seen, int settled, LiveEvent.Ended ended) {}
    long waitTicks = finalCheckWait.isZero() ? 0
        : (finalCheckWait.toMillis() + endCheckInterval.toMillis() - 1) / Math.max(1, endCheckInterval.toMillis());
    return Source.tick(endCheckInterval, endCheckInterval, "check")
        .mapAsync(1, tick -> CompletableFuture.supplyAsync(() -> bundles.findById(id).flatMap(StreamRoutes::ended)
                .map(e -> new Seen(e, !"completed".equals(e.status()) || finalCheckWait.isZero() || finalCheckStored(id))),
            blocking).exceptionally(e -> Optional.empty()))
        .scan(new Streak(0, 0, null), (streak, seen) -> seen
            .map(s -> new Streak(streak.seen() + 1, s.settled() ? streak.settled() + 1 : 0, s.ended()))
            .orElse(new Streak(0, 0, null)))
        .filter(s -> s.settled() >= 2 || s.seen() >= 2 + waitTicks)
        .<LiveEvent>map(Streak::ended)
        .mapMaterializedValue(cancellable -> NotUsed.getInstance());
  }

  private boolean finalCheckStored(String id) {
    return issues.lastCheck(id).map(RuleCheckRow::isFinal).orElse(false);
  }

  private static Optional<LiveEvent.Ended> ended(BundleRow row) {
    return row.status() == JobStatus.COMPLETED || row.status() == JobStatus.FAILED
        ? Optional.of(new LiveEvent.Ended(row.status().wire(), row.errorMsg())) : Optional.empty();
  }

  /** What the client sends is read and ignored (streamed messages included, so nothing stalls). */
  private static Sink<Message, NotUsed> ignoreIncoming() {
    return Flow.of(Message.class).flatMapConcat(StreamRoutes::parts).to(Sink.ignore());
  }

  private static Source<Object, NotUsed> parts(Message m) {
    Source<?, ?> parts = m.isText() ? m.asTextMessage().getStreamedText() : m.asBinaryMessage().getStreamedData();
    return parts.<Object>map(part -> part).mapMaterializedValue(x -> NotUsed.getInstance());
  }

  private static String json(StreamFrame frame) {
    try {
      return FRAMES.writeValueAsString(frame);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + frame, e);
    }
  }
}
