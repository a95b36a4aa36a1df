package io.bundlescope.http;

import io.bundlescope.protocol.api.ClusterAction;
import io.bundlescope.protocol.api.ClusterMembers;
import io.bundlescope.protocol.api.ClusterShards;
import java.util.concurrent.CompletionStage;

/**
 * What the cluster admin routes ask of the node (implemented in cluster-node). Nodes are named by
 * their HTTP {@code host:port}; an unknown one fails with a 404 {@link ApiException} naming
 * {@code node}, a refused action with a 409.
 */
public interface ClusterAdmin {

  /** Every node's published load (what {@code GET /cluster/load} answers). */
  Object load();

  /** Every member with its status, reachability, roles, load and (at most {@code limit} listed) bundles. */
  CompletionStage<ClusterMembers> members(int limit);

  /** Shard placement: bundle id to node. */
  CompletionStage<ClusterShards> shards();

  /** Sets or clears the node's drain: it takes no new bundle and its /health says draining. */
  CompletionStage<ClusterAction> drain(String node, boolean drain);

  /** Asks the node to leave the cluster gracefully (it then shuts down). */
  CompletionStage<ClusterAction> leave(String node);

  /** Marks the node down; refused (409) for a reachable node unless {@code force}. */
  CompletionStage<ClusterAction> down(String node, boolean force);
}
