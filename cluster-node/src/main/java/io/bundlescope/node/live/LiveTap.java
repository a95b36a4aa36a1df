package io.bundlescope.node.live;

import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a bundle's parsers hand the records to publish, and where {@link LiveTopics} takes them
 * from. The hand-off never waits on the publisher: a short lock around list appends, no I/O,
 * and past {@code publishCapacity} waiting records the rest are dropped and counted (their
 * heatmap counts are kept). Thread-safe.
 */
public final class LiveTap {
  private final String bundleId;
  private final LiveSettings settings;
  private List<LogRecord> waiting = new ArrayList<>();
  private HeatCounts counts;
  private final Map<LogLevel, Long> dropped = new EnumMap<>(LogLevel.class);
  private boolean closed;

  LiveTap(String bundleId, LiveSettings settings) {
    this.bundleId = bundleId;
    this.settings = settings;
    this.counts = new HeatCounts(settings.heatmapSlot().toMillis());
  }

  public String bundleId() {
    return bundleId;
  }

  /** A collector for one chunk, used by one parse thread. */
  public ChunkTap chunk() {
    return new ChunkTap(this, settings.floor(), settings.heatmapSlot().toMillis());
  }

  synchronized void hand(List<LogRecord> records, HeatCounts chunkCounts) {
    if (closed) return;
    counts.addAll(chunkCounts);
    int room = Math.max(0, settings.publishCapacity() - waiting.size());
    waiting.addAll(records.size() <= room ? records : records.subList(0, room));
    for (int i = room; i < records.size(); i++) dropped.merge(records.get(i).level(), 1L, Long::sum);
  }

  synchronized List<LogRecord> takeRecords() {
    List<LogRecord> taken = waiting;
    waiting = new ArrayList<>();
    return taken;
  }

  /** Records dropped since the last call, per level name (empty when none). */
  synchronized Map<String, Long> takeDropped() {
    Map<String, Long> byName = new TreeMap<>();
    dropped.forEach((level, n) -> byName.put(level.name(), n));
    dropped.clear();
    return byName;
  }

  synchronized HeatCounts takeCounts() {
    HeatCounts taken = counts;
    counts = new HeatCounts(settings.heatmapSlot().toMillis());
    return taken;
  }

  /** Whatever parsers hand after this is ignored (the bundle ended or its entity restarted). */
  synchronized void close() {
    closed = true;
    waiting = new ArrayList<>();
  }
}
