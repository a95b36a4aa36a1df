package io.bundlescope.node;

import io.bundlescope.protocol.BundleCommand;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.sharding.typed.ShardingMessageExtractor;

/** One shard per bundle: a bundle is placed, moved and rebuilt on its own. */
final class ShardPerBundle extends ShardingMessageExtractor<ShardingEnvelope<BundleCommand>, BundleCommand> {

  @Override
  public String entityId(ShardingEnvelope<BundleCommand> envelope) {
    return envelope.entityId();
  }

  @Override
  public String shardId(String entityId) {
    return entityId;
  }

  @Override
  public BundleCommand unwrapMessage(ShardingEnvelope<BundleCommand> envelope) {
    return envelope.message();
  }
}
