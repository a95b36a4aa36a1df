package io.bundlescope.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bundlescope.analyzers.templates.TemplateLibrary;
import io.bundlescope.index.BundleIndexWriter;
import io.bundlescope.index.CountedViews;
import io.bundlescope.node.live.ChunkTap;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.protocol.IngestPolicy;
import java.util.Set;
import io.bundlescope.index.LogQuery;
import io.bundlescope.index.lucene.LuceneLogStore;
import io.bundlescope.node.live.LivePublisher;
import io.bundlescope.node.live.LiveSettings;
import io.bundlescope.parsers.bundle.BundleFile;
import io.bundlescope.parsers.bundle.BundleInventory;
import io.bundlescope.parsers.bundle.BundleStager;
import io.bundlescope.parsers.bundle.StagingLimits;
import io.bundlescope.protocol.BundleCommand;
import io.bundlescope.protocol.BundleCommand.Accepted;
import io.bundlescope.protocol.BundleCommand.AnalyzeBundle;
import io.bundlescope.protocol.BundleEvent;
import io.bundlescope.protocol.BundleEvent.BundlePlanned;
import io.bundlescope.node.BundleState.Ingesting;
import io.bundlescope.protocol.BundleEvent.BundleSubmitted;
import io.bundlescope.protocol.BundleEvent.ChunksIndexed;
import io.bundlescope.protocol.ChunkResult;
import io.bundlescope.protocol.ChunkSpec;
import io.bundlescope.store.BundleRepository;
import io.bundlescope.store.BundleRow;
import io.bundlescope.store.Database;
import io.bundlescope.store.DatabaseSettings;
import io.bundlescope.store.JobStatus;
import io.bundlescope.store.NewBundle;
import io.bundlescope.testbundles.BundleGenerator;
import io.bundlescope.testbundles.BundleSpec;
import io.bundlescope.testbundles.GeneratedBundle;
import io.bundlescope.testbundles.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BundleEntity} on the persistence testkit's journal, with a real Lucene index, a real
 * PostgreSQL projection and real staged bundles: replies, events and state are all checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleEntityTest {
  private static final Config CONFIG = EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.parseString(
      "pekko.actor.serialization-bindings { \"io.bundlescope.protocol.CborSerializable\" = jackson-cbor }"));

  @TempDir static Path root;
  private ActorTestKit testKit;
  private Database db;
  private BundleRepository repo;
  private LuceneLogStore logs;
  private IngestServices services;
  private TemplateLibrary templates;
  private final Executor blocking = Executors.newFixedThreadPool(4);

  @BeforeAll
  void start() throws Exception {
    testKit = ActorTestKit.create(CONFIG);
    templates = TemplateLibrary.open(root.resolve("templates"));
    db = Database.start(DatabaseSettings.embedded(root.resolve("pg"), 0));
    repo = new BundleRepository(db.dataSource());
    logs = new LuceneLogStore(root.resolve("index"));
    services = new IngestServices(logs, new BundleProjection(repo), testKit.spawn(IngestSlots.create(2)),
        root.resolve("staging"), StagingLimits.defaults(), blocking, ZoneOffset.UTC, "127.0.0.1:0",
        Duration.ofMillis(100), testKit.system().ignoreRef(), IngestListener.NONE, templates,
        new LivePublisher(testKit.system().ignoreRef(), LiveSettings.fromConfig(ConfigFactory.load().getConfig("bundlescope.stream"))));
  }

  @AfterAll
  void stop() throws Exception {
    testKit.shutdownTestKit();
    logs.close();
    db.close();
  }

  private EventSourcedBehaviorTestKit<BundleCommand, BundleEvent, BundleState> entity(String id) {
    repo.insert(new NewBundle(id, "/bundles/" + id, null, null, null, null, Instant.now()));
    return EventSourcedBehaviorTestKit.create(testKit.system(), BundleEntity.create(id, services, null),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
  }

  private GeneratedBundle bundle(String name, long seed) throws Exception {
    return BundleGenerator.generate(BundleSpec.builder().nodes(2).recordsPerNode(150).seed(seed)
        .layout(Layout.DIRECTORY).build(), Files.createDirectories(root.resolve("bundles")).resolve(name));
  }

  private static BundleState await(EventSourcedBehaviorTestKit<BundleCommand, BundleEvent, BundleState> kit,
      Predicate<BundleState> done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      BundleState s = kit.getState();
      if (done.test(s)) return s;
      Thread.sleep(50);
    }
    throw new AssertionError("entity did not reach the expected state; it is " + kit.getState());
  }

  /** The projection writes asynchronously: waits for the row to reach a status. */
  private BundleRow awaitRow(String id, JobStatus status) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    BundleRow row = repo.findById(id).orElseThrow();
    while (row.status() != status && System.nanoTime() < deadline) {
      Thread.sleep(50);
      row = repo.findById(id).orElseThrow();
    }
    assertThat(row.status()).isEqualTo(status);
    return row;
  }

  private long indexed(String id) {
    return logs.count(LogQuery.all(List.of(id)));
  }

  @Test
  void analyzeRepliesInProgressThenIngestsEveryChunkExactlyOnce() throws Exception {
    GeneratedBundle bundle = bundle("b1", 1);
    var kit = entity("b1");

    var result = kit.<Accepted>runCommand(reply -> new AnalyzeBundle(bundle.path().toString(), reply));

    assertThat(result.reply()).isEqualTo(new Accepted("b1", "inprogress"));
    assertThat(result.event()).isInstanceOf(BundleSubmitted.class);
    assertThat(result.state()).isInstanceOf(BundleState.Staging.class);
    BundleState.Analyzed done = (BundleState.Analyzed) await(kit, s -> s instanceof BundleState.Analyzed);
    assertThat(done.ingest().records()).isEqualTo(bundle.expected().total());
    assertThat(indexed("b1")).isEqualTo(bundle.expected().total());
    List<Object> journal = kit.persistenceTestKit().persistedInStorage("Bundle|b1");
    assertThat(journal.get(1)).isInstanceOf(BundlePlanned.class);
    assertThat(journal.get(journal.size() - 1)).isInstanceOf(BundleEvent.BundleAnalyzed.class);
    assertThat(awaitRow("b1", JobStatus.COMPLETED).records()).isEqualTo(bundle.expected().total());
  }

  @Test
  void analyzingAgainAnswersTheCurrentStatusWithoutNewEvents() throws Exception {
    GeneratedBundle bundle = bundle("b2", 2);
    var kit = entity("b2");
    kit.<Accepted>runCommand(reply -> new AnalyzeBundle(bundle.path().toString(), reply));
    await(kit, s -> s instanceof BundleState.Analyzed);

    var again = kit.<Accepted>runCommand(reply -> new AnalyzeBundle(bundle.path().toString(), reply));

    assertThat(again.reply().status()).isEqualTo("completed");
    assertThat(again.hasNoEvents()).isTrue();
    var progress = kit.<BundleCommand.Progress>runCommand(BundleCommand.GetProgress::new).reply();
    assertThat(progress.records()).isEqualTo(bundle.expected().total());
    assertThat(progress.filesDone()).isEqualTo(progress.filesTotal());
  }

  /**
   * The journal says half the chunks are done; the index also holds a chunk that was committed
   * but never journaled (the crash came in between). Recovery must undo that chunk and parse
   * the rest: the index ends with exactly the bundle's records.
   */
  @Test
  void recoveryResumesFromJournaledChunksAndUndoesUnjournaledOnes() throws Exception {
    GeneratedBundle bundle = bundle("b3", 3);
    var kit = entity("b3");
    BundleInventory staged = BundleStager.stage(bundle.path(), root.resolve("pre-staging"));
    List<ChunkSpec> chunks = staged.files().stream()
        .map(f -> new ChunkSpec(ChunkIds.of(f.logicalPath()), f.logicalPath(), f.sizeOnDisk())).toList();
    BundleIndexWriter writer = logs.writer("b3");
    List<ChunkResult> journaled = new ArrayList<>();
    int half = staged.files().size() / 2;
    long leftovers = 0;
    for (int i = 0; i < staged.files().size() && leftovers == 0; i++) {
      BundleFile f = staged.files().get(i);
      ChunkResult r = ChunkParser.parse(f, ChunkContexts.of("b3", chunks.get(i).chunkId(), f, ZoneOffset.UTC), writer, templates);
      if (i < half) journaled.add(r);
      else leftovers = r.records();
    }
    writer.commit();
    assertThat(indexed("b3")).isGreaterThan(journaled.stream().mapToLong(ChunkResult::records).sum());

    kit.initialize(new BundleSubmitted(bundle.path().toString(), Instant.now()),
        new BundlePlanned("cluster", chunks, List.of(), Instant.now()), new ChunksIndexed(journaled));

    await(kit, s -> s instanceof BundleState.Analyzed);
    assertThat(indexed("b3")).isEqualTo(bundle.expected().total());
  }

  /**
   * Under {@code info=count}: a chunk parsed (records and counts committed) but never journaled
   * is undone on recovery and parsed again, so its INFO records are counted exactly once.
   */
  @Test
  void recoveryCountsAnUndoneCountedChunkOnce() throws Exception {
    GeneratedBundle bundle = bundle("b7", 7);
    var kit = entity("b7");
    IngestPolicy policy = new IngestPolicy(IngestPolicy.Mode.COUNT, IngestPolicy.Mode.INDEX, 60_000);
    BundleInventory staged = BundleStager.stage(bundle.path(), root.resolve("pre-staging-b7"));
    List<ChunkSpec> chunks = staged.files().stream()
        .map(f -> new ChunkSpec(ChunkIds.of(f.logicalPath()), f.logicalPath(), f.sizeOnDisk())).toList();
    BundleIndexWriter writer = logs.writer("b7");
    List<ChunkResult> journaled = new ArrayList<>();
    int half = staged.files().size() / 2;
    long undoneCounted = 0;
    for (int i = 0; i < staged.files().size() && undoneCounted == 0; i++) {
      BundleFile f = staged.files().get(i);
      ChunkResult r = ChunkParser.parse(f, ChunkContexts.of("b7", chunks.get(i).chunkId(), f, ZoneOffset.UTC), writer,
          templates, policy, ChunkTap.NONE);
      if (i < half) journaled.add(r);
      else undoneCounted = r.counted();
    }
    writer.commit();
    long info = bundle.expected().byLevel().getOrDefault("INFO", 0L);
    long countedBefore = CountedViews.total(logs.counted(LogQuery.all(List.of("b7"))));
    assertThat(undoneCounted).as("an unjournaled chunk with counted records").isPositive();
    assertThat(countedBefore).isGreaterThan(journaled.stream().mapToLong(ChunkResult::counted).sum());

    kit.initialize(new BundleSubmitted(bundle.path().toString(), Instant.now(), policy),
        new BundlePlanned("cluster", chunks, List.of(), Instant.now()), new ChunksIndexed(journaled));

    BundleState.Analyzed done = (BundleState.Analyzed) await(kit, s -> s instanceof BundleState.Analyzed);
    assertThat(CountedViews.total(logs.counted(LogQuery.all(List.of("b7"))))).isEqualTo(info);
    assertThat(done.ingest().counted()).isEqualTo(info);
    assertThat(done.ingest().records()).isEqualTo(bundle.expected().total() - info);
    assertThat(indexed("b7")).isEqualTo(bundle.expected().total() - info);
    assertThat(logs.count(LogQuery.all(List.of("b7")).withLevels(Set.of(LogLevel.INFO)))).isZero();
    BundleRow row = awaitRow("b7", JobStatus.COMPLETED);
    assertThat(row.recordsCounted()).isEqualTo(info);
  }

  /**
   * The journal says chunks were indexed on another node (lost with it): recovery here parses
   * every chunk again into this node's index, after clearing whatever stale partition it had.
   */
  @Test
  void recoveryOnAnotherNodeRebuildsTheWholeIndexHere() throws Exception {
    GeneratedBundle bundle = bundle("b5", 5);
    var kit = entity("b5");
    BundleInventory staged = BundleStager.stage(bundle.path(), root.resolve("pre-staging-b5"));
    List<ChunkSpec> chunks = staged.files().stream()
        .map(f -> new ChunkSpec(ChunkIds.of(f.logicalPath()), f.logicalPath(), f.sizeOnDisk())).toList();
    BundleIndexWriter stale = logs.writer("b5");
    BundleFile first = staged.files().get(0);
    ChunkResult onLostNode = ChunkParser.parse(first, ChunkContexts.of("b5", chunks.get(0).chunkId(), first, ZoneOffset.UTC), stale, templates);
    ChunkParser.parse(first, ChunkContexts.of("b5", "stale-chunk", first, ZoneOffset.UTC), stale, templates);
    stale.commit();

    kit.initialize(new BundleSubmitted(bundle.path().toString(), Instant.now()),
        new BundlePlanned("cluster", chunks, List.of(), Instant.now()),
        new BundleEvent.IndexStarted("10.9.9.9:8080", Instant.now()), new ChunksIndexed(List.of(onLostNode)));

    BundleState.Analyzed done = (BundleState.Analyzed) await(kit, s -> s instanceof BundleState.Analyzed);
    assertThat(done.ingest().indexHost()).isEqualTo("127.0.0.1:0");
    assertThat(done.ingest().records()).isEqualTo(bundle.expected().total());
    assertThat(indexed("b5")).isEqualTo(bundle.expected().total());
    assertThat(kit.persistenceTestKit().persistedInStorage("Bundle|b5")).anySatisfy(e -> assertThat(e)
        .isInstanceOfSatisfying(BundleEvent.IndexStarted.class, i -> assertThat(i.host()).isEqualTo("127.0.0.1:0")));
    assertThat(awaitRow("b5", JobStatus.COMPLETED).hostingWorkerVmIp()).isEqualTo("127.0.0.1:0");
  }

  @Test
  void anAnalyzedBundleIsIndexedAgainOnlyWhenItsIndexWasOnTheLostNode() throws Exception {
    GeneratedBundle bundle = bundle("b6", 6);
    var kit = entity("b6");
    kit.<Accepted>runCommand(reply -> new AnalyzeBundle(bundle.path().toString(), reply));
    await(kit, s -> s instanceof BundleState.Analyzed);

    var elsewhere = kit.<Accepted>runCommand(reply -> new BundleCommand.ReindexBundle("10.9.9.9:8080", reply));
    assertThat(elsewhere.hasNoEvents()).isTrue();
    assertThat(elsewhere.reply().status()).isEqualTo("completed");
    assertThat(elsewhere.state()).isInstanceOf(BundleState.Analyzed.class);

    var lost = kit.<Accepted>runCommand(reply -> new BundleCommand.ReindexBundle("127.0.0.1:0", reply));
    assertThat(lost.reply().status()).isEqualTo("inprogress");
    assertThat(lost.event()).isInstanceOf(BundleEvent.IndexStarted.class);
    assertThat(lost.state()).isInstanceOfSatisfying(Ingesting.class, s -> assertThat(s.done()).isEmpty());
    BundleState.Analyzed again = (BundleState.Analyzed) await(kit, s -> s instanceof BundleState.Analyzed);
    assertThat(again.ingest().records()).isEqualTo(bundle.expected().total());
    assertThat(indexed("b6")).isEqualTo(bundle.expected().total());
  }

  @Test
  void unreadableBundleEndsFailedWithTheReason() throws Exception {
    Path junk = Files.write(root.resolve("junk.tar.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
    var kit = entity("b4");

    kit.<Accepted>runCommand(reply -> new AnalyzeBundle(junk.toString(), reply));

    BundleState.Failed failed = (BundleState.Failed) await(kit, s -> s instanceof BundleState.Failed);
    assertThat(failed.errorMsg()).isNotBlank();
    assertThat(awaitRow("b4", JobStatus.FAILED).errorMsg()).isEqualTo(failed.errorMsg());
  }
}
