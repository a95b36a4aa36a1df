package io.bundlescope.node;

import io.bundlescope.protocol.BundleCommand;
import io.bundlescope.store.BundleRepository;
import io.bundlescope.store.BundleRow;
import io.bundlescope.store.JobStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, wakes the entity of every bundle that was queued or in progress: the entity
 * recovers from its journal and resumes ingesting where the journal says it stopped.
 */
final class UnfinishedBundles {
  private static final Logger log = LoggerFactory.getLogger(UnfinishedBundles.class);

  private UnfinishedBundles() {}

  static void resume(ActorSystem<?> system, ClusterSharding sharding, BundleRepository repo, Executor blocking) {
    CompletableFuture.supplyAsync(() -> repo.list(null, null), blocking).thenAccept(rows -> {
      List<BundleRow> unfinished = rows.stream()
          .filter(r -> r.status() == JobStatus.QUEUED || r.status() == JobStatus.INPROGRESS).toList();
      for (BundleRow row : unfinished) {
        log.info("resuming bundle {} ({})", row.logBundleId(), row.logBundlePath());
        sharding.entityRefFor(BundleEntity.ENTITY_KEY, row.logBundleId())
            .tell(new BundleCommand.AnalyzeBundle(row.logBundlePath(),
                IngestPolicies.fromJson(row.ingestPolicyJson()), system.ignoreRef()));
      }
    }).exceptionally(e -> {
      log.error("cannot list unfinished bundles to resume them", e);
      return null;
    });
  }
}
