package io.bundlescope.node.live;

import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * One parse thread's side of a {@link LiveTap}: keeps the records at or above the floor level
 * and their heatmap counts, and hands them over every {@link #HAND_EVERY} records and at
 * {@link #flush()}, so the shared tap is locked once per batch, not per record.
 */
public final class ChunkTap {
  /** Taps nothing (a parse nobody follows, e.g. in tests). */
  public static final ChunkTap NONE = new ChunkTap(null, LogLevel.FATAL, 1);
  static final int HAND_EVERY = 64;

  private final LiveTap tap;
  private final LogLevel floor;
  private final long slotMs;
  private List<LogRecord> batch = new ArrayList<>();
  private HeatCounts counts;

  ChunkTap(LiveTap tap, LogLevel floor, long slotMs) {
    this.tap = tap;
    this.floor = floor;
    this.slotMs = slotMs;
    this.counts = new HeatCounts(slotMs);
  }

  public void accept(LogRecord r) {
    if (tap == null || !r.level().atLeast(floor)) return;
    batch.add(r);
    counts.add(r);
    if (batch.size() >= HAND_EVERY) flush();
  }

  public void flush() {
    if (tap == null || batch.isEmpty()) return;
    tap.hand(batch, counts);
    batch = new ArrayList<>();
    counts = new HeatCounts(slotMs);
  }
}
