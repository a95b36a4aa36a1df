package io.bundlescope.node.placement;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * This node's copy of every node's latest {@link NodeLoadReport}, keyed by member address;
 * written by {@link NodeLoad} from Distributed Data, read by {@link LeastLoadedAllocation} on
 * the coordinator's thread and by {@code GET /cluster/load}; and whether this node itself drains.
 */
public final class ClusterLoadView {
  /** How long a bundle counts as seen on a node after it was last in that node's report. */
  private static final long SEEN_NANOS = 120_000_000_000L;
  private volatile Map<String, NodeLoadReport> reports = Map.of();
  private volatile boolean selfDraining;
  /** node -> bundle -> when last seen in its report: a short bundle may come and go between two allocations. */
  private final Map<String, Map<String, Long>> seen = new HashMap<>();

  synchronized void replace(Map<String, NodeLoadReport> latest) {
    reports = Map.copyOf(latest);
    long now = System.nanoTime();
    latest.forEach((node, report) -> {
      Map<String, Long> bundles = seen.computeIfAbsent(node, n -> new HashMap<>());
      report.bundles().forEach(b -> bundles.put(b, now));
      bundles.values().removeIf(at -> now - at > SEEN_NANOS);
    });
  }

  /** Bundles that this node's reports showed lately, including ones finished since. */
  public synchronized Set<String> recentlySeen(String node) {
    return Set.copyOf(seen.getOrDefault(node, Map.of()).keySet());
  }

  /** Whether this node is draining (asked to, or shutting down) as its {@link NodeLoad} last decided: for /health. */
  public boolean selfDraining() {
    return selfDraining;
  }

  void selfDraining(boolean draining) {
    selfDraining = draining;
  }

  public NodeLoadReport report(String node) {
    return reports.get(node);
  }

  public Map<String, NodeLoadReport> all() {
    return reports;
  }
}
