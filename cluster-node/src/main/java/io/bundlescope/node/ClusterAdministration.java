package io.bundlescope.node;

import io.bundlescope.http.ApiException;
import io.bundlescope.http.ClusterAdmin;
import io.bundlescope.node.placement.LeastLoadedAllocation;
import io.bundlescope.node.placement.LeastLoadedAllocation.ClusterLoad;
import io.bundlescope.node.placement.NodeLoad;
import io.bundlescope.node.placement.NodeLoadReport;
import io.bundlescope.protocol.api.ClusterAction;
import io.bundlescope.protocol.api.ClusterMembers;
import io.bundlescope.protocol.api.ClusterShards;
import io.bundlescope.store.BundleRepository;
import io.bundlescope.store.BundleRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.ClusterEvent.CurrentClusterState;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ShardRegion.ClusterShardingStats;
import org.apache.pekko.cluster.sharding.typed.GetClusterShardingStats;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Down;
import org.apache.pekko.cluster.typed.Leave;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster admin API ({@link ClusterAdmin}) on top of Pekko Cluster: members from the cluster
 * state with each one's published load and the bundles {@code log_bundles} says it hosts; shard
 * placement from the shard regions; drain/undrain sent to the named node's {@link NodeLoad}
 * (at its well-known path on that member, so any node serves the request); leave and down through the
 * cluster manager, as pekko-management's cluster routes do. Nodes are named by their HTTP
 * {@code host:port} (the member role {@code http:host:port}).
 */
final class ClusterAdministration implements ClusterAdmin {
  private static final Logger log = LoggerFactory.getLogger(ClusterAdministration.class);
  /** How long a shard placement answer is reused: asking every region is not free. */
  private static final Duration SHARDS_CACHE = Duration.ofSeconds(2);

  private final ActorSystem<?> system;
  private final Cluster cluster;
  private final LeastLoadedAllocation placement;
  private final BundleRepository repo;
  private final ClusterSharding sharding;
  private final Executor blocking;
  private final String self;
  private final Duration askTimeout;
  private record Cached(long atNanos, CompletionStage<ClusterShards> answer) {}
  private volatile Cached shards;

  ClusterAdministration(ActorSystem<?> system, LeastLoadedAllocation placement, BundleRepository repo,
      ClusterSharding sharding, Executor blocking, String self, Duration askTimeout) {
    this.system = system;
    this.cluster = Cluster.get(system);
    this.placement = placement;
    this.repo = repo;
    this.sharding = sharding;
    this.blocking = blocking;
    this.self = self;
    this.askTimeout = askTimeout;
  }

  @Override
  public Object load() {
    return placement.snapshot();
  }

  @Override
  public CompletionStage<ClusterMembers> members(int limit) {
    CurrentClusterState state = cluster.state();
    ClusterLoad load = placement.snapshot();
    return CompletableFuture.supplyAsync(() -> repo.list(null, null), blocking).thenApply(rows -> {
      Map<String, List<BundleRow>> byHost = rows.stream().filter(r -> r.hostingWorkerVmIp() != null)
          .collect(Collectors.groupingBy(BundleRow::hostingWorkerVmIp));
      Optional<Member> oldest = oldest(state);
      Set<Member> unreachable = state.getUnreachable();
      List<ClusterMembers.Member> members = new ArrayList<>();
      for (Member m : state.getMembers()) {
        String node = httpName(m);
        String address = m.address().toString();
        NodeLoadReport report = load.nodes().stream().filter(v -> v.node().equals(address)).findFirst()
            .map(LeastLoadedAllocation.NodeView::report).orElse(null);
        ClusterMembers.Load figures = load.nodes().stream().filter(v -> v.node().equals(address) && v.report() != null)
            .findFirst().map(v -> new ClusterMembers.Load(v.report().ingestBytes(), v.report().ingestBytesPerSecond(),
                v.report().bundles(), v.report().cpuLoadMilli(), v.report().freeDiskBytes(), v.report().totalDiskBytes(),
                v.load(), v.pending()))
            .orElse(null);
        List<BundleRow> hosted = byHost.getOrDefault(node, List.of()).stream()
            .sorted(Comparator.comparing(BundleRow::submittedAt, Comparator.nullsLast(Comparator.reverseOrder())))
            .toList();
        Map<String, Long> byStatus = new TreeMap<>(hosted.stream()
            .collect(Collectors.groupingBy(r -> r.status().wire(), Collectors.counting())));
        members.add(new ClusterMembers.Member(node, address, status(m.status()), !unreachable.contains(m),
            List.copyOf(new java.util.TreeSet<>(m.getRoles())), oldest.map(m::equals).orElse(false),
            report != null && report.draining(), figures, hosted.size(), byStatus,
            hosted.stream().limit(limit)
                .map(r -> new ClusterMembers.HostedBundle(r.logBundleId(), r.logBundlePath(), r.status().wire()))
                .toList()));
      }
      String leader = null;
      for (Member m : state.getMembers()) {
        if (m.address().equals(state.getLeader())) leader = httpName(m);
      }
      return new ClusterMembers(self, oldest.map(ClusterAdministration::httpName).orElse(null), leader, members);
    });
  }

  @Override
  public CompletionStage<ClusterShards> shards() {
    Cached cached = shards;
    long now = System.nanoTime();
    if (cached != null && now - cached.atNanos() < SHARDS_CACHE.toNanos()) return cached.answer();
    CompletionStage<ClusterShards> answer = AskPattern.<org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery,
            ClusterShardingStats>ask(sharding.shardState(),
            replyTo -> new GetClusterShardingStats(BundleEntity.ENTITY_KEY, askTimeout, replyTo),
            askTimeout.plusSeconds(1), system.scheduler())
        .thenApply(this::placementOf);
    shards = new Cached(now, answer);
    return answer;
  }

  private ClusterShards placementOf(ClusterShardingStats stats) {
    Map<Address, String> names = new HashMap<>();
    cluster.state().getMembers().forEach(m -> names.put(m.address(), httpName(m)));
    Address selfAddress = cluster.selfMember().address();
    List<ClusterShards.Region> regions = new ArrayList<>();
    List<ClusterShards.Shard> shardList = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    stats.getRegions().forEach((address, region) -> {
      Address a = address.host().isDefined() ? address : selfAddress;
      String node = names.getOrDefault(a, a.toString());
      int entities = 0;
      for (Map.Entry<String, Object> e : region.getStats().entrySet()) {
        int n = ((Number) e.getValue()).intValue();
        entities += n;
        shardList.add(new ClusterShards.Shard(e.getKey(), node, n));
      }
      region.getFailed().forEach(id -> failed.add(id + "@" + node));
      regions.add(new ClusterShards.Region(node, a.toString(), region.getStats().size(), entities));
    });
    regions.sort(Comparator.comparing(ClusterShards.Region::node));
    shardList.sort(Comparator.comparing(ClusterShards.Shard::logBundleId));
    failed.sort(Comparator.naturalOrder());
    return new ClusterShards(Instant.now(), shardList.size(), regions, shardList, failed);
  }

  @Override
  public CompletionStage<ClusterAction> drain(String node, boolean drain) {
    Member member = member(node);
    Address target = member.address();
    CompletionStage<ActorRef<NodeLoad.Command>> load = Adapter.toClassic(system)
        .actorSelection(target + NodeLoad.PATH).resolveOne(askTimeout)
        .<ActorRef<NodeLoad.Command>>thenApply(Adapter::toTyped)
        .exceptionally(e -> {
          throw new ApiException(409, "node", "node " + node + " is not ready to take a drain (" + e + "): try again");
        });
    return load
        .thenCompose(ref -> AskPattern.<NodeLoad.Command, NodeLoad.DrainState>ask(ref,
            replyTo -> new NodeLoad.SetDraining(drain, replyTo), askTimeout, system.scheduler()))
        .thenApply(state -> {
          log.info("{} {} (asked on {})", drain ? "drained" : "undrained", node, self);
          String detail = state.shuttingDown() ? "the node is shutting down: it stays draining"
              : state.draining() ? "no new bundle is placed on the node and its /health answers 404 draining: HAProxy"
                  + " sends it only its own bundles' requests; it keeps and answers for its bundles"
              : "the node takes new bundles and balanced traffic again";
          return new ClusterAction(node, drain ? "drain" : "undrain", state.draining(), detail);
        });
  }

  @Override
  public CompletionStage<ClusterAction> leave(String node) {
    Member member = member(node);
    MemberStatus s = member.status();
    if (!(s.equals(MemberStatus.up()) || s.equals(MemberStatus.weaklyUp()) || s.equals(MemberStatus.joining()))) {
      throw new ApiException(409, "node", "node " + node + " is " + status(s) + ": it cannot leave now");
    }
    log.info("asking {} ({}) to leave the cluster", node, member.address());
    cluster.manager().tell(Leave.create(member.address()));
    return CompletableFuture.completedFuture(new ClusterAction(node, "leave", null,
        "the node leaves and shuts down: its unfinished bundles restart on other nodes and its analyzed ones are"
            + " indexed again elsewhere once it is removed"));
  }

  @Override
  public CompletionStage<ClusterAction> down(String node, boolean force) {
    Member member = member(node);
    boolean reachable = !cluster.state().getUnreachable().contains(member);
    if (reachable && !force) {
      throw new ApiException(409, "force", "node " + node + " is reachable: make it leave instead, or down it with"
          + " force=true");
    }
    log.warn("downing {} ({}){}", node, member.address(), reachable ? " although it is reachable (force)" : "");
    cluster.manager().tell(new Down(member.address()));
    return CompletableFuture.completedFuture(new ClusterAction(node, "down", null,
        "the node is marked down and removed: its bundles move to the other nodes"));
  }

  /** The member named by its HTTP host:port (or its address); 404 naming {@code node} if none. */
  private Member member(String node) {
    for (Member m : cluster.state().getMembers()) {
      if (httpName(m).equals(node) || m.address().toString().equals(node)) return m;
    }
    throw ApiException.notFound("node", "no cluster member named " + node + " (name a member by its HTTP host:port)");
  }

  /** The shard coordinator runs on the oldest member that is Up (or leaving). */
  private static Optional<Member> oldest(CurrentClusterState state) {
    Member oldest = null;
    for (Member m : state.getMembers()) {
      if (!(m.status().equals(MemberStatus.up()) || m.status().equals(MemberStatus.leaving()))) continue;
      if (oldest == null || m.isOlderThan(oldest)) oldest = m;
    }
    return Optional.ofNullable(oldest);
  }

  static String httpName(Member m) {
    return m.getRoles().stream().filter(r -> r.startsWith(LostNodes.HTTP_ROLE_PREFIX))
        .map(r -> r.substring(LostNodes.HTTP_ROLE_PREFIX.length())).findFirst().orElse(m.address().toString());
  }

  /** {@code WeaklyUp} -> {@code weakly_up}. */
  static String status(MemberStatus status) {
    return status.toString().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
