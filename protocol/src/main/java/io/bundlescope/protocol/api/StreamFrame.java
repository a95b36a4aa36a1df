package io.bundlescope.protocol.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;

/** One JSON text frame of the {@code GET /logs/stream} WebSocket; {@code type} names the kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = StreamFrame.RecordFrame.class, name = "record"),
  @JsonSubTypes.Type(value = StreamFrame.HeatmapDelta.class, name = "heatmap_delta"),
  @JsonSubTypes.Type(value = StreamFrame.Dropped.class, name = "dropped"),
  @JsonSubTypes.Type(value = StreamFrame.Progress.class, name = "progress"),
  @JsonSubTypes.Type(value = StreamFrame.RuleHit.class, name = "rule_hit"),
  @JsonSubTypes.Type(value = StreamFrame.End.class, name = "end"),
  @JsonSubTypes.Type(value = StreamFrame.Closed.class, name = "closed")
})
public sealed interface StreamFrame {

  /** A record at or above {@code min_level}, as {@code /logs/search} shows it. */
  record RecordFrame(LogRecordView record) implements StreamFrame {}

  /** Records at or above {@code min_level} counted since the previous delta, dropped ones included. */
  record HeatmapDelta(String minLevel, long intervalMs, List<Cell> cells) implements StreamFrame {}

  /** @param startTime start of the slot (UTC), {@code startMs} the same in epoch milliseconds */
  record Cell(String cvmIp, String service, Instant startTime, long startMs, long count) {}

  /** Records at or above {@code min_level} parsed but not sent: the publisher fell behind. */
  record Dropped(long count) implements StreamFrame {}

  record Progress(long filesTotal, long filesDone, long bytesTotal, long bytesDone, long records)
      implements StreamFrame {}

  /**
   * A known-issue rule fired where the previous rule check of the bundle had not seen it (a new
   * rule, or a new node); fields as in {@code /logs/issues}. {@code isFinal}: found by the check
   * of the complete bundle, which is sent before {@code end}.
   *
   * @param node the node's IP, null when the rule counts over the whole cluster
   */
  record RuleHit(String ruleId, int ruleVersion, String title, String severity, String node, Instant firstTime,
      Instant lastTime, long count, List<String> evidence, boolean isFinal) implements StreamFrame {}

  /** The bundle finished (completed or failed); the server closes the WebSocket after it. */
  record End(String status, String errorMsg) implements StreamFrame {}

  /** The server dropped this client before the end, for {@code reason}; the WebSocket closes after it. */
  record Closed(String reason) implements StreamFrame {}
}
