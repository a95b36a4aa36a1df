package io.bundlescope.node.live;

import com.typesafe.config.Config;
import io.bundlescope.parsers.LogLevel;
import java.time.Duration;

/**
 * {@code bundlescope.stream} in reference.conf, where each knob is documented.
 *
 * @param floor records below this level are never published
 * @param publishInterval how often parsed records are published
 * @param heatmapInterval how often heatmap counts are published
 * @param heatmapSlot width of a heatmap time slot
 * @param publishCapacity records of one bundle waiting to be published; beyond, dropped and counted
 * @param batchRecords most records in one published message
 * @param batchBytes about the most bytes in one published message (Artery frames are 256 KiB)
 * @param clientBuffer published messages waiting for one WebSocket client before it is dropped
 * @param endCheckInterval how often a WebSocket reads log_bundles for an end it may have missed
 * @param topicIdleTimeout a topic unused this long, with no subscriber on this node, is stopped
 * @param finalCheckWait how long a completed bundle's end waits for its final rule check (0: not at all)
 */
public record LiveSettings(
    LogLevel floor,
    Duration publishInterval,
    Duration heatmapInterval,
    Duration heatmapSlot,
    int publishCapacity,
    int batchRecords,
    long batchBytes,
    int clientBuffer,
    Duration endCheckInterval,
    Duration topicIdleTimeout,
    Duration finalCheckWait) {

  public static LiveSettings fromConfig(Config stream) {
    String floorName = stream.getString("floor-level");
    LogLevel floor = LogLevel.normalize(floorName);
    if (floor == LogLevel.UNKNOWN) {
      throw new IllegalArgumentException("bundlescope.stream.floor-level must be FATAL, ERROR, WARN, INFO, DEBUG or TRACE: " + floorName);
    }
    return new LiveSettings(floor, stream.getDuration("publish-interval"), stream.getDuration("heatmap-interval"),
        stream.getDuration("heatmap-slot"), stream.getInt("publish-capacity"), stream.getInt("batch-records"),
        stream.getBytes("batch-bytes"), stream.getInt("client-buffer"), stream.getDuration("end-check-interval"),
        stream.getDuration("topic-idle-timeout"), stream.getDuration("final-check-wait"));
  }
}
