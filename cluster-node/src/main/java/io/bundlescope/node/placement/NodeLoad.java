package io.bundlescope.node.placement;

import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import io.bundlescope.protocol.CborSerializable;
import org.apache.pekko.cluster.ddata.Key;
import org.apache.pekko.cluster.ddata.LWWMap;
import org.apache.pekko.cluster.ddata.LWWMapKey;
import org.apache.pekko.cluster.ddata.SelfUniqueAddress;
import org.apache.pekko.cluster.ddata.typed.javadsl.DistributedData;
import org.apache.pekko.cluster.ddata.typed.javadsl.Replicator;
import org.apache.pekko.cluster.ddata.typed.javadsl.ReplicatorMessageAdapter;

/**
 * The node's load: its bundle entities report the bytes they still have to ingest; every
 * {@code publish-interval} this actor adds the CPU load, the free disk of the data directory and
 * the measured ingest rate (what those reports went down by, per busy second: {@link IngestRate})
 * and publishes the whole as this node's {@link NodeLoadReport} in the Distributed Data map
 * {@link #KEY}. It also keeps {@link ClusterLoadView} up to date with every node's report.
 */
public final class NodeLoad {

  /** Member address -> that node's latest report; every node writes only its own entry. */
  public static final Key<LWWMap<String, NodeLoadReport>> KEY = LWWMapKey.create("bundlescope-node-load");

  public sealed interface Command {}

  /** A bundle entity on this node still has {@code remainingBytes} to stage or ingest. */
  public record BundleLoad(String bundleId, long remainingBytes, ActorRef<?> entity) implements Command {}

  /** The bundle is finished (analyzed or failed): it no longer loads this node. */
  public record BundleDone(String bundleId) implements Command {}

  /** The node is shutting down: publish at once that it takes no new bundle. */
  public enum Drain implements Command { INSTANCE }

  /**
   * An operator's drain ({@code draining = true}) or undrain of this node, sent from any node
   * (found at {@link #PATH} on its member): published at once; answered
   * with the node's drain state. A node shutting down stays draining whatever undrain says.
   */
  public record SetDraining(boolean draining, ActorRef<DrainState> replyTo) implements Command, CborSerializable {}

  /** Whether the node now says it is draining, and why. */
  public record DrainState(String http, boolean draining, boolean requested, boolean shuttingDown)
      implements CborSerializable {}

  /**
   * The actor's path on every node (the guardian spawns it as {@code node-load}), so that an admin
   * request on any node reaches the node it names: member address + this path.
   */
  public static final String NAME = "node-load";
  public static final String PATH = "/user/" + NAME;

  private enum Tick implements Command { INSTANCE }

  private record Sampled(long cpuLoadMilli, long freeDisk, long totalDisk) implements Command {}

  private record EntityStopped(String bundleId) implements Command {}

  private record ViewChanged(Map<String, NodeLoadReport> reports) implements Command {}

  private enum Written implements Command { INSTANCE }

  private final ActorContext<Command> ctx;
  private final ReplicatorMessageAdapter<Command, LWWMap<String, NodeLoadReport>> replicator;
  private final SelfUniqueAddress selfUnique;
  private final String self;
  private final String http;
  private final Path dataDir;
  private final Executor blocking;
  private final ClusterLoadView view;
  private record Tracked(long bytes, ActorRef<?> entity) {}

  private final Map<String, Tracked> remaining = new HashMap<>();
  /** Busy publish intervals the ingest rate is measured over (about a minute). */
  private static final int RATE_WINDOW = 60;
  private final IngestRate rate = new IngestRate(RATE_WINDOW);
  private long ingestedSincePublish;
  private long lastPublishNanos = System.nanoTime();
  /** An operator asked this node to drain ({@link SetDraining}). */
  private boolean drainRequested;
  /** CoordinatedShutdown started ({@link Drain}): never undone. */
  private boolean shuttingDown;
  private boolean sampling;
  private long seq;
  private Sampled lastSample = new Sampled(-1, 0, 0);

  /**
   * @param self this node's key in the map: its member address
   * @param http this node's HTTP address {@code host:port}
   */
  public static Behavior<Command> create(String self, String http, Path dataDir, Executor blocking,
      Duration publishInterval, ClusterLoadView view) {
    return Behaviors.setup(ctx -> DistributedData.<Command, LWWMap<String, NodeLoadReport>>withReplicatorMessageAdapter(
        replicator -> Behaviors.withTimers(timers -> {
          timers.startTimerWithFixedDelay(Tick.INSTANCE, publishInterval);
          return new NodeLoad(ctx, replicator, self, http, dataDir, blocking, view).behavior();
        })));
  }

  private NodeLoad(ActorContext<Command> ctx, ReplicatorMessageAdapter<Command, LWWMap<String, NodeLoadReport>> replicator,
      String self, String http, Path dataDir, Executor blocking, ClusterLoadView view) {
    this.ctx = ctx;
    this.replicator = replicator;
    this.selfUnique = DistributedData.get(ctx.getSystem()).selfUniqueAddress();
    this.self = self;
    this.http = http;
    this.dataDir = dataDir;
    this.blocking = blocking;
    this.view = view;
    replicator.subscribe(KEY, rsp -> rsp instanceof Replicator.Changed<LWWMap<String, NodeLoadReport>> changed
        ? new ViewChanged(changed.get(KEY).getEntries()) : new ViewChanged(Map.of()));
  }

  private Behavior<Command> behavior() {
    return Behaviors.receive(Command.class)
        .onMessage(BundleLoad.class, this::onBundleLoad)
        .onMessage(BundleDone.class, m -> forget(m.bundleId()))
        .onMessage(EntityStopped.class, m -> {
          remaining.remove(m.bundleId());
          return Behaviors.same();
        })
        .onMessageEquals(Drain.INSTANCE, this::onDrain)
        .onMessage(SetDraining.class, this::onSetDraining)
        .onMessageEquals(Tick.INSTANCE, this::onTick)
        .onMessage(Sampled.class, this::onSampled)
        .onMessage(ViewChanged.class, this::onViewChanged)
        .onMessageEquals(Written.INSTANCE, Behaviors::same)
        .build();
  }

  private Behavior<Command> onBundleLoad(BundleLoad load) {
    Tracked known = remaining.get(load.bundleId());
    if (known != null && !known.entity().equals(load.entity())) ctx.unwatch(known.entity());
    if (known == null || !known.entity().equals(load.entity())) {
      ctx.watchWith(load.entity(), new EntityStopped(load.bundleId()));
    } else if (load.remainingBytes() < known.bytes()) {
      ingestedSincePublish += known.bytes() - Math.max(0, load.remainingBytes());
    }
    remaining.put(load.bundleId(), new Tracked(Math.max(0, load.remainingBytes()), load.entity()));
    return Behaviors.same();
  }

  private Behavior<Command> forget(String bundleId) {
    Tracked known = remaining.remove(bundleId);
    if (known != null) ctx.unwatch(known.entity());
    return Behaviors.same();
  }

  private Behavior<Command> onDrain() {
    shuttingDown = true;
    view.selfDraining(true);
    publish();
    return Behaviors.same();
  }

  private Behavior<Command> onSetDraining(SetDraining set) {
    if (set.draining() != drainRequested) {
      ctx.getLog().info("{} by an operator", set.draining() ? "draining: no new bundle comes here" : "undrained");
    }
    drainRequested = set.draining();
    view.selfDraining(drainRequested || shuttingDown);
    publish();
    set.replyTo().tell(new DrainState(http, drainRequested || shuttingDown, drainRequested, shuttingDown));
    return Behaviors.same();
  }

  /** CPU and disk are sampled off the actor (the disk call is a file-system query). */
  private Behavior<Command> onTick() {
    if (sampling) return Behaviors.same();
    sampling = true;
    ctx.pipeToSelf(CompletableFuture.supplyAsync(this::sample, blocking),
        (sample, failure) -> failure == null ? sample : new Sampled(-1, 0, 0));
    return Behaviors.same();
  }

  private Sampled sample() {
    double average = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    long cpu = average < 0 ? -1 : Math.round(1000 * average / Runtime.getRuntime().availableProcessors());
    try {
      FileStore store = Files.getFileStore(dataDir);
      return new Sampled(cpu, store.getUsableSpace(), store.getTotalSpace());
    } catch (Exception e) {
      return new Sampled(cpu, 0, 0);
    }
  }

  private Behavior<Command> onSampled(Sampled sample) {
    sampling = false;
    lastSample = sample;
    publish();
    return Behaviors.same();
  }

  private void publish() {
    long now = System.nanoTime();
    boolean busy = !remaining.isEmpty() || ingestedSincePublish > 0;
    if (busy) rate.recordBusy(ingestedSincePublish, (now - lastPublishNanos) / 1e9);
    ingestedSincePublish = 0;
    lastPublishNanos = now;
    long bytes = remaining.values().stream().mapToLong(Tracked::bytes).sum();
    NodeLoadReport report = new NodeLoadReport(++seq, bytes, new ArrayList<>(remaining.keySet()),
        lastSample.cpuLoadMilli(), lastSample.freeDisk(), lastSample.totalDisk(), drainRequested || shuttingDown, http,
        rate.bytesPerSecond());
    replicator.askUpdate(
        replyTo -> new Replicator.Update<>(KEY, LWWMap.empty(), Replicator.writeLocal(), replyTo,
            map -> map.put(selfUnique, self, report)),
        rsp -> Written.INSTANCE);
  }

  private Behavior<Command> onViewChanged(ViewChanged changed) {
    view.replace(changed.reports());
    return Behaviors.same();
  }
}
