package io.bundlescope.protocol.api;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /cluster/members}: every member of the cluster as the node asked sees it.
 *
 * @param self the node that answered (its HTTP {@code host:port})
 * @param coordinator the node running the shard coordinator (the oldest member), which places new bundles
 * @param leader the cluster leader (moves members between states), or null
 */
public record ClusterMembers(String self, String coordinator, String leader, List<Member> members) {

  /**
   * One member.
   *
   * @param node its HTTP {@code host:port} (the role {@code http:host:port}; the name in hosting_worker_vm_ip),
   *     or its address when it has no such role
   * @param address its cluster member address
   * @param status joining, weakly_up, up, leaving, exiting, down, removed
   * @param reachable false when some member's failure detector lost it
   * @param roles its cluster roles
   * @param coordinator it runs the shard coordinator
   * @param draining it takes no new bundle (asked to drain, or shutting down)
   * @param load its published load report, null until one arrived
   * @param bundlesTotal bundles whose hosting_worker_vm_ip names it
   * @param bundlesByStatus those bundles counted per job status
   * @param bundles the first of them (newest first, at most the request's {@code limit})
   */
  public record Member(String node, String address, String status, boolean reachable, List<String> roles,
      boolean coordinator, boolean draining, Load load, long bundlesTotal, Map<String, Long> bundlesByStatus,
      List<HostedBundle> bundles) {}

  /**
   * A member's load as it last published it (what placement weighs).
   *
   * @param placementLoad the blended load placement compares, with the allocations pending on it
   * @param pending bundles placed on it that its report does not show yet (known on the coordinator)
   * @param ingesting ids of the bundles it is staging or ingesting
   */
  public record Load(long ingestBytes, long ingestBytesPerSecond, List<String> ingesting, long cpuLoadMilli,
      long freeDiskBytes, long totalDiskBytes, double placementLoad, int pending) {}

  /** A bundle a member hosts. */
  public record HostedBundle(String logBundleId, String logBundlePath, String status) {}
}
