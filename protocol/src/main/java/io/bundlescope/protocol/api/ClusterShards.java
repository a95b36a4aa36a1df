package io.bundlescope.protocol.api;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /cluster/shards}: where each bundle's shard lives (one shard per bundle), as the
 * shard regions answered at {@code as_of}.
 *
 * @param regions per node: its shards and the entities running in them
 * @param shards bundle id to node, sorted by bundle id
 * @param failed nodes whose region did not answer in time
 */
public record ClusterShards(Instant asOf, int total, List<Region> regions, List<Shard> shards, List<String> failed) {

  public record Region(String node, String address, int shards, int entities) {}

  /** @param entities 1 while the bundle's entity runs, 0 once it passivated (analyzed bundles) */
  public record Shard(String logBundleId, String node, int entities) {}
}
