package io.bundlescope.node;

import io.bundlescope.protocol.BundleCommand;
import io.bundlescope.protocol.BundleCommand.ReindexBundle;
import io.bundlescope.store.BundleRepository;
import io.bundlescope.store.BundleRow;
import io.bundlescope.store.JobStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ClusterEvent.MemberRemoved;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the analyzed bundles of a node that left the cluster (downed after a crash, or left):
 * their indexes were on its disk, so each gets {@link ReindexBundle}, which places it on a live
 * node that indexes it again. Bundles still being ingested there need nothing: remember-entities
 * restarts them elsewhere and they rebuild on recovery. Every node sends; the entity ignores
 * the command once its index has moved, so duplicates are harmless.
 */
final class LostNodes {
  private static final Logger log = LoggerFactory.getLogger(LostNodes.class);
  /** A member's role naming its HTTP {@code host:port} (= hosting_worker_vm_ip of its bundles). */
  static final String HTTP_ROLE_PREFIX = "http:";
  /** How long one reindex request waits for the entity (a restart takes seconds). */
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);
  /** Requests before giving up (about two minutes in all). */
  private static final int MAX_ATTEMPTS = 12;

  private LostNodes() {}

  static String httpRole(String host) {
    return HTTP_ROLE_PREFIX + host;
  }

  static Behavior<MemberRemoved> create(ClusterSharding sharding, BundleRepository repo, Executor blocking) {
    return Behaviors.setup(ctx -> {
      Cluster.get(ctx.getSystem()).subscriptions().tell(Subscribe.create(ctx.getSelf(), MemberRemoved.class));
      return Behaviors.receiveMessage(removed -> {
        log.info("member {} removed (roles {})", removed.member().address(), removed.member().getRoles());
        // The callbacks run on the blocking pool: they must not touch the actor's context.
        httpHost(removed.member()).ifPresent(host -> CompletableFuture
            .supplyAsync(() -> analyzedOn(repo, host), blocking)
            .thenAccept(ids -> ids.forEach(id -> {
              log.info("node {} left with the index of bundle {}: indexing it again elsewhere", host, id);
              reindex(sharding, id, host, 1);
            }))
            .exceptionally(e -> {
              log.error("cannot list the bundles of lost node {}: {}", host, e.toString());
              return null;
            }));
        return Behaviors.same();
      });
    });
  }

  /**
   * Asks the bundle's entity to move its index here, again until it answers: a message sent
   * while the coordinator is still moving the lost node's shards goes to the dead region.
   */
  private static void reindex(ClusterSharding sharding, String bundleId, String host, int attempt) {
    sharding.entityRefFor(BundleEntity.ENTITY_KEY, bundleId)
        .<BundleCommand.Accepted>ask(replyTo -> new ReindexBundle(host, replyTo), ASK_TIMEOUT)
        .whenComplete((accepted, failure) -> {
          if (failure == null) return;
          if (attempt >= MAX_ATTEMPTS) {
            log.error("bundle {} did not take the reindex after {} attempts: {}", bundleId, attempt, failure.toString());
          } else {
            reindex(sharding, bundleId, host, attempt + 1);
          }
        });
  }

  private static Optional<String> httpHost(Member member) {
    return member.getRoles().stream().filter(r -> r.startsWith(HTTP_ROLE_PREFIX))
        .map(r -> r.substring(HTTP_ROLE_PREFIX.length())).findFirst();
  }

  private static List<String> analyzedOn(BundleRepository repo, String host) {
    return repo.list(null, null).stream()
        .filter(r -> r.status() == JobStatus.COMPLETED && host.equals(r.hostingWorkerVmIp()))
        .map(BundleRow::logBundleId).toList();
  }
}
