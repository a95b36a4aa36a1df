package io.bundlescope.node;

import io.bundlescope.index.BundleIndexWriter;
import io.bundlescope.node.BundleState.Analyzed;
import io.bundlescope.node.BundleState.Empty;
import io.bundlescope.node.BundleState.Failed;
import io.bundlescope.node.BundleState.Ingesting;
import io.bundlescope.node.BundleState.Staging;
import io.bundlescope.node.live.LiveTap;
import io.bundlescope.node.placement.NodeLoad;
import io.bundlescope.parsers.bundle.BundleFile;
import io.bundlescope.parsers.bundle.BundleInventory;
import io.bundlescope.protocol.BundleCommand;
import io.bundlescope.protocol.BundleCommand.Accepted;
import io.bundlescope.protocol.BundleCommand.AnalyzeBundle;
import io.bundlescope.protocol.BundleCommand.GetProgress;
import io.bundlescope.protocol.BundleCommand.Progress;
import io.bundlescope.protocol.BundleCommand.ReindexBundle;
import io.bundlescope.protocol.BundleEvent;
import io.bundlescope.protocol.BundleEvent.BundleAnalyzed;
import io.bundlescope.protocol.BundleEvent.BundleFailed;
import io.bundlescope.protocol.BundleEvent.BundlePlanned;
import io.bundlescope.protocol.BundleEvent.BundleSubmitted;
import io.bundlescope.protocol.BundleEvent.ChunksIndexed;
import io.bundlescope.protocol.BundleEvent.IndexStarted;
import io.bundlescope.protocol.ChunkResult;
import io.bundlescope.protocol.ChunkSpec;
import io.bundlescope.protocol.LiveEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReplyBuilder;
import org.apache.pekko.persistence.typed.javadsl.EffectBuilder;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One log bundle, event-sourced and sharded (one shard per bundle). It stages the bundle,
 * persists the chunk plan, parses chunks in child {@link ChunkParser}s as the node's
 * {@link IngestSlots} allow, commits the index and then journals the finished chunks. After a
 * crash it re-stages, undoes the chunks not journaled and parses only those again, so the
 * index ends with exactly the bundle's records.
 */
public final class BundleEntity
    extends EventSourcedBehaviorWithEnforcedReplies<BundleCommand, BundleEvent, BundleState> {

  public static final EntityTypeKey<BundleCommand> ENTITY_KEY =
      EntityTypeKey.create(BundleCommand.class, "Bundle");

  /** Most chunk results journaled in one event. */
  static final int MAX_BATCH = 256;

  private interface Internal extends BundleCommand {}

  private record Staged(BundleInventory inventory) implements Internal {}

  private record StagingFailed(String errorMsg) implements Internal {}

  private enum SlotGranted implements Internal { INSTANCE }

  private record ChunkDone(ChunkResult result) implements Internal {}

  private enum CommitTick implements Internal { INSTANCE }

  private record Committed(List<ChunkResult> batch) implements Internal {}

  private record CommitFailed(String errorMsg) implements Internal {}

  /** Recovered on a node that does not hold the chunks the journal says are indexed. */
  private enum MoveIndexHere implements Internal { INSTANCE }

  private final String bundleId;
  private final IngestServices services;
  private final ActorContext<BundleCommand> ctx;
  private final TimerScheduler<BundleCommand> timers;
  private final ActorRef<ClusterSharding.ShardCommand> shard;
  private final ActorRef<IngestSlots.Granted> grants;
  private final ActorRef<BundleCommand> self;

  // Ingest run of this incarnation: rebuilt from the journal and the bundle after a restart.
  private final Map<String, BundleFile> files = new HashMap<>();
  private final ArrayDeque<ChunkSpec> pending = new ArrayDeque<>();
  private final List<ChunkResult> uncommitted = new ArrayList<>();
  private int inFlight;
  private boolean committing;
  private BundleIndexWriter writer;
  private LiveTap tap;

  public static Behavior<BundleCommand> create(String bundleId, IngestServices services,
      ActorRef<ClusterSharding.ShardCommand> shard) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
        new BundleEntity(bundleId, services, ctx, timers, shard)));
  }

  private BundleEntity(String bundleId, IngestServices services, ActorContext<BundleCommand> ctx,
      TimerScheduler<BundleCommand> timers, ActorRef<ClusterSharding.ShardCommand> shard) {
    super(PersistenceId.of(ENTITY_KEY.name(), bundleId));
    this.bundleId = bundleId;
    this.services = services;
    this.ctx = ctx;
    this.timers = timers;
    this.shard = shard;
    this.grants = ctx.messageAdapter(IngestSlots.Granted.class, g -> SlotGranted.INSTANCE);
    this.self = ctx.getSelf();
  }

  @Override
  public BundleState emptyState() {
    return new Empty();
  }

  @Override
  public CommandHandlerWithReply<BundleCommand, BundleEvent, BundleState> commandHandler() {
    CommandHandlerWithReplyBuilder<BundleCommand, BundleEvent, BundleState> b = newCommandHandlerWithReplyBuilder();
    b.forStateType(Empty.class)
        .onCommand(AnalyzeBundle.class, this::onSubmit);
    b.forStateType(Staging.class)
        .onCommand(Staged.class, this::onPlanned)
        .onCommand(StagingFailed.class, this::onFailure);
    b.forStateType(Ingesting.class)
        .onCommand(MoveIndexHere.class, this::onMoveIndexHere)
        .onCommand(Staged.class, this::onRestaged)
        .onCommand(StagingFailed.class, this::onFailure)
        .onCommand(SlotGranted.class, this::onSlotGranted)
        .onCommand(ChunkDone.class, this::onChunkDone)
        .onCommand(CommitTick.class, this::onCommitTick)
        .onCommand(Committed.class, this::onCommitted)
        .onCommand(CommitFailed.class, (s, c) -> onFailure(s, new StagingFailed(c.errorMsg())));
    b.forStateType(Analyzed.class)
        .onCommand(ReindexBundle.class, this::onReindex);
    b.forAnyState()
        .onCommand(AnalyzeBundle.class, (s, c) -> Effect().reply(c.replyTo(), new Accepted(bundleId, s.status())))
        .onCommand(GetProgress.class, (s, c) -> Effect().reply(c.replyTo(), progress(s)))
        .onCommand(ReindexBundle.class, (s, c) -> Effect().reply(c.replyTo(), new Accepted(bundleId, s.status())))
        .onCommand(SlotGranted.class, s -> releaseSlot())
        .onAnyCommand(c -> Effect().noReply());
    return b.build();
  }

  @Override
  public EventHandler<BundleState, BundleEvent> eventHandler() {
    var b = newEventHandlerBuilder();
    b.forStateType(Empty.class)
        .onEvent(BundleSubmitted.class, (s, e) -> new Staging(e.path(), e.at(), e.effectivePolicy()));
    b.forStateType(Staging.class)
        .onEvent(BundlePlanned.class, (s, e) -> new Ingesting(s.path(), s.submittedAt(), e.bundleType(),
            e.chunks(), Map.of(), e.warnings(), null, s.policy()))
        .onEvent(BundleFailed.class, (s, e) -> new Failed(s.path(), e.errorMsg(), e.at()));
    b.forStateType(Analyzed.class)
        .onEvent(IndexStarted.class, (s, e) -> s.ingest().indexedOn(e.host()));
    b.forStateType(Ingesting.class)
        .onEvent(ChunksIndexed.class, (s, e) -> s.with(e.results()))
        .onEvent(IndexStarted.class, (s, e) -> s.indexedOn(e.host()))
        .onEvent(BundleAnalyzed.class, (s, e) -> new Analyzed(s, e.at()))
        .onEvent(BundleFailed.class, (s, e) -> new Failed(s.path(), e.errorMsg(), e.at()));
    return b.build();
  }

  @Override
  public SignalHandler<BundleState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), this::onRecovered)
        .build();
  }

  private void onRecovered(BundleState state) {
    if (state instanceof Staging s) {
      services.projection().started(bundleId, Instant.now(), services.hostIp());
      stage(s.path(), Set.of(), true);
    } else if (state instanceof Ingesting s && !indexIsHere(s)) {
      ctx.getSelf().tell(MoveIndexHere.INSTANCE);
    } else if (state instanceof Ingesting s) {
      services.projection().started(bundleId, Instant.now(), services.hostIp());
      reportLoad(s.bytesTotal() - s.bytesDone());
      Set<String> undone = s.chunks().stream().map(ChunkSpec::chunkId)
          .filter(id -> !s.done().containsKey(id)).collect(Collectors.toSet());
      stage(s.path(), undone, false);
    }
  }

  /**
   * Whether this node's index holds the chunks the journal counts as done: they were indexed
   * here (journals from before {@code indexHost} was recorded were always local) and the index
   * is still on disk.
   */
  private boolean indexIsHere(Ingesting s) {
    if (s.indexHost() == null) return true;
    return s.indexHost().equals(services.hostIp()) && (s.done().isEmpty() || services.logs().hasBundle(bundleId));
  }

  /** Starts the index over on this node: every chunk is parsed again from the bundle. */
  private ReplyEffect<BundleEvent, BundleState> onMoveIndexHere(Ingesting state, MoveIndexHere cmd) {
    return rebuildHere(state.indexHost()).thenNoReply();
  }

  private ReplyEffect<BundleEvent, BundleState> onReindex(Analyzed state, ReindexBundle cmd) {
    String host = state.ingest().indexHost();
    boolean lost = cmd.lostHost() == null || cmd.lostHost().equals(host)
        || (host == null && !services.logs().hasBundle(bundleId));
    if (!lost) {
      finish(state.status(), null);
      return Effect().reply(cmd.replyTo(), new Accepted(bundleId, state.status()));
    }
    return rebuildHere(host).thenReply(cmd.replyTo(), s -> new Accepted(bundleId, s.status()));
  }

  private EffectBuilder<BundleEvent, BundleState> rebuildHere(String from) {
    Instant now = Instant.now();
    return Effect().persist(new IndexStarted(services.hostIp(), now)).thenRun(s -> {
      Ingesting ingest = (Ingesting) s;
      ctx.getLog().info("bundle {}: index was on {}, rebuilding it on {}", bundleId, from, services.hostIp());
      services.projection().started(bundleId, now, services.hostIp());
      if (services.logs().hasBundle(bundleId)) services.logs().deleteBundle(bundleId);
      reportLoad(ingest.bytesTotal());
      stage(ingest.path(), Set.of(), false);
    });
  }

  private ReplyEffect<BundleEvent, BundleState> onSubmit(Empty state, AnalyzeBundle cmd) {
    Instant now = Instant.now();
    return Effect().persist(new BundleSubmitted(cmd.path(), now, cmd.policy()))
        .thenRun(s -> {
          services.projection().policy(bundleId, ((Staging) s).policy().json());
          services.projection().started(bundleId, now, services.hostIp());
          stage(cmd.path(), Set.of(), true);
        })
        .thenReply(cmd.replyTo(), s -> new Accepted(bundleId, s.status()));
  }

  /**
   * Stages the bundle off the actor; when resuming, first removes from the index whatever the
   * previous incarnation wrote for chunks it never journaled. Before it is planned, a bundle
   * loads its node with its size on disk ({@code reportSize}).
   */
  private void stage(String path, Set<String> undoChunks, boolean reportSize) {
    writer = services.logs().writer(bundleId);
    BundleIndexWriter w = writer;
    ctx.pipeToSelf(CompletableFuture.supplyAsync(() -> {
      if (reportSize) reportLoad(BundleStaging.sizeOnDisk(path));
      undoChunks.forEach(w::deleteChunk);
      return BundleStaging.stage(path, services.stagingRoot().resolve(bundleId), services.stagingLimits());
    }, services.blocking()), (inventory, failure) -> failure == null
        ? new Staged(inventory) : new StagingFailed(BundleStaging.describe(failure)));
  }

  private ReplyEffect<BundleEvent, BundleState> onPlanned(Staging state, Staged staged) {
    List<ChunkSpec> chunks = chunksOf(staged.inventory());
    BundlePlanned planned = new BundlePlanned(staged.inventory().type().name().toLowerCase(),
        chunks, staged.inventory().warnings(), Instant.now());
    return Effect().persist(List.of(planned, new IndexStarted(services.hostIp(), planned.at()))).thenRun(s -> {
      services.projection().planned(bundleId, planned.bundleType(), chunks.size(),
          ((Ingesting) s).bytesTotal(), planned.warnings());
      reportLoad(((Ingesting) s).bytesTotal());
      startIngest((Ingesting) s, staged.inventory());
    }).thenNoReply();
  }

  private ReplyEffect<BundleEvent, BundleState> onRestaged(Ingesting state, Staged staged) {
    if (!chunksOf(staged.inventory()).equals(state.chunks())) {
      return onFailure(state, new StagingFailed("the bundle changed on disk since ingest began: resubmit it with reanalyze=true"));
    }
    startIngest(state, staged.inventory());
    return Effect().none().thenNoReply();
  }

  private static List<ChunkSpec> chunksOf(BundleInventory inventory) {
    return inventory.files().stream()
        .map(f -> new ChunkSpec(ChunkIds.of(f.logicalPath()), f.logicalPath(), f.sizeOnDisk()))
        .toList();
  }

  /** Queues the chunks not yet journaled, largest first, and asks the node for slots. */
  private void startIngest(Ingesting state, BundleInventory inventory) {
    inventory.files().forEach(f -> files.put(ChunkIds.of(f.logicalPath()), f));
    tap = services.live().open(bundleId);
    state.chunks().stream()
        .filter(c -> !state.done().containsKey(c.chunkId()))
        .sorted(Comparator.comparingLong(ChunkSpec::bytes).reversed())
        .forEach(pending::add);
    timers.startTimerWithFixedDelay(CommitTick.INSTANCE, services.commitInterval());
    if (pending.isEmpty()) {
      ctx.getSelf().tell(new Committed(List.of()));
    } else {
      services.slots().tell(new IngestSlots.Want(bundleId, pending.size(), grants, ctx.getSelf()));
    }
  }

  private ReplyEffect<BundleEvent, BundleState> onSlotGranted(Ingesting state, SlotGranted granted) {
    ChunkSpec chunk = pending.poll();
    if (chunk == null) return releaseSlot();
    BundleFile file = files.get(chunk.chunkId());
    inFlight++;
    ctx.spawnAnonymous(ChunkParser.create(file,
        ChunkContexts.of(bundleId, chunk.chunkId(), file, services.defaultZone()),
        writer, services.templates(), state.policy(), tap.chunk(), services.blocking(), ctx.getSelf(), ChunkDone::new));
    return Effect().none().thenNoReply();
  }

  private ReplyEffect<BundleEvent, BundleState> releaseSlot() {
    services.slots().tell(new IngestSlots.Release(bundleId));
    return Effect().none().thenNoReply();
  }

  private ReplyEffect<BundleEvent, BundleState> onChunkDone(Ingesting state, ChunkDone done) {
    services.slots().tell(new IngestSlots.Release(bundleId));
    inFlight--;
    uncommitted.add(done.result());
    if (commitDue()) commit();
    return Effect().none().thenNoReply();
  }

  private ReplyEffect<BundleEvent, BundleState> onCommitTick(Ingesting state, CommitTick tick) {
    commit();
    return Effect().none().thenNoReply();
  }

  /** Commit now rather than at the next tick: the last chunks are in, or a batch is full. */
  private boolean commitDue() {
    return (inFlight == 0 && pending.isEmpty()) || uncommitted.size() >= MAX_BATCH;
  }

  /** Commits the index, then (on {@link Committed}) journals the chunks it made durable. */
  private void commit() {
    if (committing || uncommitted.isEmpty()) return;
    committing = true;
    List<ChunkResult> batch = List.copyOf(uncommitted.subList(0, Math.min(MAX_BATCH, uncommitted.size())));
    uncommitted.subList(0, batch.size()).clear();
    BundleIndexWriter w = writer;
    ctx.pipeToSelf(CompletableFuture.runAsync(() -> {
      w.commit();
      saveTemplates(); // before the chunks are journaled: no journaled id is ever handed out again
    }, services.blocking()), (ok, failure) ->
        failure == null ? new Committed(batch) : new CommitFailed("index commit failed: " + failure.getMessage()));
  }

  private void saveTemplates() {
    try {
      services.templates().save();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot save the node's templates", e);
    }
  }

  private ReplyEffect<BundleEvent, BundleState> onCommitted(Ingesting state, Committed committed) {
    committing = false;
    List<BundleEvent> events = new ArrayList<>();
    if (!committed.batch().isEmpty()) events.add(new ChunksIndexed(committed.batch()));
    Ingesting next = state.with(committed.batch());
    Instant now = Instant.now();
    if (next.complete()) events.add(new BundleAnalyzed(now));
    if (events.isEmpty()) return Effect().none().thenNoReply();
    List<String> newWarnings = committed.batch().stream().flatMap(r -> r.warnings().stream()).toList();
    return Effect().persist(events).thenRun(s -> {
      services.projection().progressed(bundleId, next.done().size(), next.bytesDone(), next.records(),
          next.counted(), next.dropped(), newWarnings);
      services.live().progressed(bundleId, new LiveEvent.Progressed(next.chunks().size(), next.done().size(),
          next.bytesTotal(), next.bytesDone(), next.records()));
      if (s instanceof Analyzed a) {
        services.projection().completed(bundleId, now, next.records(),
            BundleSummary.json(next.bundleType(), next.done().values(), next.allWarnings().size(), next.policy()));
        reportLoad(0); // its last bytes count in the node's measured ingest rate
        services.listener().analyzed(bundleId);
        finish(a.status(), null);
      } else {
        reportLoad(next.bytesTotal() - next.bytesDone());
        services.listener().chunksJournaled(bundleId);
        if (commitDue()) commit();
      }
    }).thenNoReply();
  }

  private ReplyEffect<BundleEvent, BundleState> onFailure(BundleState state, StagingFailed failure) {
    Instant now = Instant.now();
    return Effect().persist(new BundleFailed(failure.errorMsg(), now)).thenRun(s -> {
      services.projection().failed(bundleId, now, failure.errorMsg());
      finish(s.status(), failure.errorMsg());
    }).thenNoReply();
  }

  /**
   * A finished bundle ends its live stream and leaves memory; with remember-entities it would
   * otherwise restart.
   */
  private void finish(String status, String errorMsg) {
    timers.cancelAll();
    services.live().ended(bundleId, status, errorMsg);
    services.load().tell(new NodeLoad.BundleDone(bundleId));
    if (shard != null) shard.tell(new ClusterSharding.Passivate<>(ctx.getSelf()));
  }

  /** Tells the node's load how many bytes this bundle still has to ingest (thread-safe). */
  private void reportLoad(long remainingBytes) {
    services.load().tell(new NodeLoad.BundleLoad(bundleId, remainingBytes, self));
  }

  private Progress progress(BundleState state) {
    if (state instanceof Ingesting s) {
      return new Progress(bundleId, s.status(), s.chunks().size(), s.done().size(), s.bytesTotal(),
          s.bytesDone(), s.records(), s.allWarnings());
    }
    if (state instanceof Analyzed a) {
      Ingesting s = a.ingest();
      return new Progress(bundleId, a.status(), s.chunks().size(), s.done().size(), s.bytesTotal(),
          s.bytesDone(), s.records(), s.allWarnings());
    }
    if (state instanceof Failed f) {
      return new Progress(bundleId, f.status(), 0, 0, 0, 0, 0, List.of(f.errorMsg()));
    }
    return new Progress(bundleId, state.status(), 0, 0, 0, 0, 0, List.of());
  }
}
