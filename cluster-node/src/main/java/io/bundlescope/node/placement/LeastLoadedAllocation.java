package io.bundlescope.node.placement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.ToLongFunction;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.cluster.ClusterEvent.CurrentClusterState;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ShardCoordinator;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.dispatch.Futures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.collection.immutable.IndexedSeq;
import scala.concurrent.Future;
import scala.jdk.javaapi.FutureConverters;

/**
 * Places each new bundle shard on the live node with the least load (see {@link Placement} and
 * {@link LoadBlend}). Live = an {@code Up}, reachable member whose region is registered with the
 * coordinator and that does not say it is draining. Only the instance on the coordinator (the
 * oldest node) is called. Bundles are never rebalanced: a bundle's index lives on its node. The
 * new bundle's size (looked up off the coordinator's thread) counts on each candidate, weighed by
 * that node's measured ingest rate: a big bundle goes where it will be ingested soonest.
 */
public final class LeastLoadedAllocation extends ShardCoordinator.AbstractShardAllocationStrategy {
  private static final Logger log = LoggerFactory.getLogger(LeastLoadedAllocation.class);
  private final Cluster cluster;
  private final ClusterLoadView view;
  private final Placement placement;
  private final ToLongFunction<String> bundleBytes;
  private final Executor blocking;

  /**
   * @param bundleBytes a bundle's size in bytes by its id, 0 when unknown (blocking: runs on
   *     {@code blocking})
   */
  public LeastLoadedAllocation(Cluster cluster, ClusterLoadView view, Placement placement,
      ToLongFunction<String> bundleBytes, Executor blocking) {
    this.cluster = cluster;
    this.view = view;
    this.placement = placement;
    this.bundleBytes = bundleBytes;
    this.blocking = blocking;
  }

  @Override
  public Future<ActorRef> allocateShard(ActorRef requester, String shardId, Map<ActorRef, IndexedSeq<String>> current) {
    Set<String> live = liveMembers(cluster);
    Address self = cluster.selfMember().address();
    Map<String, ActorRef> regions = new HashMap<>();
    List<Placement.Candidate> candidates = new ArrayList<>();
    current.forEach((region, shards) -> {
      String node = nodeOf(region, self);
      if (live.contains(node)) {
        regions.put(node, region);
        candidates.add(new Placement.Candidate(node, view.report(node), shards.size(), view.recentlySeen(node)));
      }
    });
    if (candidates.isEmpty()) {
      // Never answer a region that is not in current: the allocation would be dropped. The
      // requester can be a dead-letter ref when remembered shards of a lost node restart.
      ActorRef fallback = current.containsKey(requester) ? requester : current.keySet().iterator().next();
      log.warn("no live node known for bundle {}: placing it on {}", shardId, fallback);
      return Futures.successful(fallback);
    }
    CompletableFuture<ActorRef> chosen = CompletableFuture.supplyAsync(() -> sizeOf(shardId), blocking)
        .thenApply(bytes -> {
          String node = placement.choose(shardId, bytes, candidates, System.nanoTime());
          if (log.isDebugEnabled()) {
            candidates.forEach(c -> log.debug("bundle {}: {} has load {}", shardId, c.node(), placement.load(c)));
          }
          log.info("bundle {} ({} bytes) placed on {}", shardId, bytes, node);
          return regions.get(node);
        });
    return FutureConverters.asScala(chosen);
  }

  private long sizeOf(String bundleId) {
    try {
      return Math.max(0, bundleBytes.applyAsLong(bundleId));
    } catch (RuntimeException e) {
      log.warn("size of bundle {} unknown ({}): placing it by load alone", bundleId, e.toString());
      return 0;
    }
  }

  /** Never moves a bundle: its index is on its node, and moving would mean re-ingesting it. */
  @Override
  public Future<Set<String>> rebalance(Map<ActorRef, IndexedSeq<String>> current, Set<String> inProgress) {
    return Futures.successful(Set.of());
  }

  /**
   * One node as {@code GET /cluster/load} shows it.
   *
   * @param live Up and reachable: it can receive new bundles
   * @param load its load as the blend computes it, with the allocations pending on it (pending
   *     allocations are only known on the coordinator, the oldest node)
   */
  public record NodeView(String node, boolean live, double load, int pending, NodeLoadReport report) {}

  /** Every node this node knows of: the members, and the nodes that published a report. */
  public record ClusterLoad(String self, List<NodeView> nodes) {}

  public ClusterLoad snapshot() {
    Set<String> live = liveMembers(cluster);
    Set<String> nodes = new java.util.TreeSet<>(live);
    nodes.addAll(view.all().keySet());
    List<Placement.Candidate> candidates = nodes.stream()
        .map(node -> new Placement.Candidate(node, view.report(node), 0, view.recentlySeen(node))).toList();
    placement.settle(candidates, System.nanoTime());
    List<NodeView> views = new ArrayList<>();
    for (Placement.Candidate c : candidates) {
      String node = c.node();
      views.add(new NodeView(node, live.contains(node), placement.load(c), placement.pendingOn(node), c.report()));
    }
    return new ClusterLoad(cluster.selfMember().address().toString(), views);
  }

  /** Addresses of the members that are Up and seen reachable. */
  public static Set<String> liveMembers(Cluster cluster) {
    CurrentClusterState state = cluster.state();
    Set<Member> unreachable = state.getUnreachable();
    Set<String> live = new HashSet<>();
    for (Member m : state.getMembers()) {
      if (m.status().equals(MemberStatus.up()) && !unreachable.contains(m)) live.add(m.address().toString());
    }
    return live;
  }

  /** A region's node; a local region's path has no host, it is this node. */
  static String nodeOf(ActorRef region, Address self) {
    Address a = region.path().address();
    return a.host().isDefined() ? a.toString() : self.toString();
  }
}
