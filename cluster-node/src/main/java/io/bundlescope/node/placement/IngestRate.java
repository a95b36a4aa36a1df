package io.bundlescope.node.placement;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A node's measured ingest rate: bytes ingested per second over its last {@code window} busy
 * intervals (intervals in which it had bundles to ingest; idle time says nothing of its speed).
 * A node that is slow, for whatever reason (fewer cores, a noisy neighbour, a slow disk), shows it
 * here, and placement weighs the bytes a node still has to ingest by how fast it ingests them.
 */
public final class IngestRate {
  private record Interval(long bytes, double seconds) {}

  private final int window;
  private final Deque<Interval> busy = new ArrayDeque<>();
  private long bytes;
  private double seconds;

  public IngestRate(int window) {
    if (window < 1) throw new IllegalArgumentException("window must be at least 1");
    this.window = window;
  }

  /** One interval of {@code seconds} in which the node had work and ingested {@code ingestedBytes}. */
  public void recordBusy(long ingestedBytes, double seconds) {
    if (seconds <= 0) return;
    busy.addLast(new Interval(ingestedBytes, seconds));
    bytes += ingestedBytes;
    this.seconds += seconds;
    if (busy.size() > window) {
      Interval old = busy.removeFirst();
      bytes -= old.bytes();
      this.seconds -= old.seconds();
    }
  }

  /** Bytes per second over the window; 0 until the node has ingested something. */
  public long bytesPerSecond() {
    return bytes <= 0 || seconds <= 0 ? 0 : Math.round(bytes / seconds);
  }
}
