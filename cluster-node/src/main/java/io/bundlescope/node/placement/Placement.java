package io.bundlescope.node.placement;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the node for a new bundle: the least {@link LoadBlend loaded} live node, counting the
 * bundles it was given but that its published report does not show yet. Reports arrive about a
 * second late, so without that count a burst of submissions would all go to the node that looked
 * idle. Knows nothing of Pekko: {@link LeastLoadedAllocation} maps shard regions to candidates.
 */
public final class Placement {

  /**
   * A live node that may receive the bundle.
   *
   * @param node its key (the member address)
   * @param report its latest load report, or null if none arrived yet
   * @param shards bundles allocated to it (only breaks ties)
   * @param seen bundles its reports showed lately: an allocation there is no longer pending
   */
  public record Candidate(String node, NodeLoadReport report, int shards, Set<String> seen) {
    public Candidate {
      seen = Set.copyOf(seen);
    }

    /** A candidate whose report is all that was seen of it. */
    public Candidate(String node, NodeLoadReport report, int shards) {
      this(node, report, shards, report == null ? Set.of() : Set.copyOf(report.bundles()));
    }
  }

  private record Pending(String node, long bytes, long atNanos) {}

  private final LoadBlend blend;
  private final Map<String, Pending> pending = new HashMap<>();

  public Placement(LoadBlend blend) {
    this.blend = blend;
  }

  public LoadBlend blend() {
    return blend;
  }

  /**
   * The node for {@code bundleId} of {@code bundleBytes} (0 when unknown); remembered as pending
   * there until its report shows it.
   */
  public synchronized String choose(String bundleId, long bundleBytes, List<Candidate> candidates, long nowNanos) {
    if (candidates.isEmpty()) throw new IllegalArgumentException("no candidate node");
    settle(candidates, nowNanos);
    List<Candidate> eligible = candidates.stream()
        .filter(c -> c.report() == null || !c.report().draining()).toList();
    if (eligible.isEmpty()) eligible = candidates;
    List<Candidate> roomy = eligible.stream().filter(c -> blend.hasRoom(c.report())).toList();
    if (!roomy.isEmpty()) eligible = roomy;
    Candidate best = eligible.stream().min(Comparator
            .comparingDouble((Candidate c) -> load(c, bundleBytes))
            .thenComparingInt(Candidate::shards)
            .thenComparing(Candidate::node))
        .orElseThrow();
    pending.put(bundleId, new Pending(best.node(), Math.max(0, bundleBytes), nowNanos));
    return best.node();
  }

  /** The candidate's published load plus its pending allocations. */
  public synchronized double load(Candidate c) {
    return load(c, 0);
  }

  /** ...and with a new bundle of {@code newBytes} on it: the bytes pending there count too. */
  private double load(Candidate c, long newBytes) {
    long pendingBytes = pending.values().stream().filter(p -> p.node().equals(c.node())).mapToLong(Pending::bytes).sum();
    return blend.score(c.report(), pendingBytes + newBytes) + blend.pendingWeight() * pendingOn(c.node());
  }

  public synchronized int pendingOn(String node) {
    return (int) pending.values().stream().filter(p -> p.node().equals(node)).count();
  }

  /** A pending allocation ends when its node's report shows the bundle, or after the timeout. */
  public synchronized void settle(List<Candidate> candidates, long nowNanos) {
    Map<String, Set<String>> seen = new HashMap<>();
    candidates.forEach(c -> seen.put(c.node(), c.seen()));
    long timeout = blend.pendingTimeout().toNanos();
    pending.entrySet().removeIf(e -> nowNanos - e.getValue().atNanos() > timeout
        || seen.getOrDefault(e.getValue().node(), Set.of()).contains(e.getKey()));
  }
}
