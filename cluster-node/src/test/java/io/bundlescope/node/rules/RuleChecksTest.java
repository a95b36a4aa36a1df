package io.bundlescope.node.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.bundlescope.index.BundleIndexWriter;
import io.bundlescope.index.lucene.LuceneLogStore;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import io.bundlescope.store.BundleRepository;
import io.bundlescope.store.Database;
import io.bundlescope.store.DatabaseSettings;
import io.bundlescope.store.IssueRepository;
import io.bundlescope.store.NewBundle;
import io.bundlescope.store.RuleCheckRow;
import io.bundlescope.store.RuleRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When rules are checked during and after ingest: real PostgreSQL, real Lucene, a fixed clock. */
class RuleChecksTest {
  @TempDir static Path dir;
  static Database db;
  static LuceneLogStore logs;
  static ExecutorService blocking;
  static RuleRepository rules;
  static IssueRepository issues;
  static BundleRepository bundles;

  @BeforeAll
  static void start() {
    db = Database.start(DatabaseSettings.embedded(dir.resolve("pg"), 0));
    logs = new LuceneLogStore(dir.resolve("index"), Duration.ZERO);
    blocking = Executors.newFixedThreadPool(4);
    rules = new RuleRepository(db.dataSource());
    issues = new IssueRepository(db.dataSource());
    bundles = new BundleRepository(db.dataSource());
    rules.save("oom", v -> "{\"id\": \"oom\", \"version\": " + v
        + ", \"title\": \"OOM\", \"severity\": \"critical\", \"match\": {\"query\": \"oom\"}}", null, true, "user", null);
  }

  @AfterAll
  static void stop() throws Exception {
    blocking.shutdownNow();
    logs.close();
    db.close();
  }

  private static BundleIndexWriter bundle(String id, int oomRecords) {
    bundles.insert(new NewBundle(id, "/b/" + id, 1L, null, "127.0.0.1:1", null, Instant.now()));
    BundleIndexWriter w = logs.writer(id);
    for (int i = 0; i < oomRecords; i++) {
      w.add(new LogRecord(id + "-" + i, id, "oom killer woke up", "kern", "kern.log", "n/kern.log", 1_000_000L * i,
          "t", LogLevel.ERROR, "kern.log", null, "10.0.0." + (i + 1), 0, i + 1, "c" + i));
    }
    w.commit();
    return w;
  }

  private static RuleCheckRow awaitCheck(String id, boolean isFinal) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      var check = issues.lastCheck(id);
      if (check.isPresent() && check.get().isFinal() == isFinal) return check.get();
      Thread.sleep(50);
    }
    throw new AssertionError("no " + (isFinal ? "final" : "interim") + " check of " + id);
  }

  @Test
  void interimChecksAreThrottledAndTheFinalOneAlwaysRuns() throws Exception {
    Clock frozen = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    RuleChecks checks = new RuleChecks(logs, rules, issues, bundles, blocking, Duration.ofSeconds(10), frozen);
    BundleIndexWriter w = bundle("throttled", 1);
    checks.chunksJournaled("throttled");
    assertThat(awaitCheck("throttled", false).isFinal()).isFalse();
    assertThat(issues.issues("throttled")).hasSize(1);

    w.add(new LogRecord("late", "throttled", "oom again", "kern", "kern.log", "n/kern.log", 9_000_000L, "t",
        LogLevel.ERROR, "kern.log", null, "10.0.0.9", 0, 99, "c9"));
    w.commit();
    checks.chunksJournaled("throttled"); // within the interval on a frozen clock: not checked again
    Thread.sleep(300);
    assertThat(issues.issues("throttled")).hasSize(1);

    checks.analyzed("throttled");
    awaitCheck("throttled", true);
    assertThat(issues.issues("throttled")).hasSize(2);
  }

  @Test
  void onDemandChecksAreNeverDroppedAndSeeTheBundleAsItIsThen() throws Exception {
    RuleChecks checks = new RuleChecks(logs, rules, issues, bundles, blocking, Duration.ZERO, Clock.systemUTC());
    bundle("serial", 3);
    var first = checks.checkNow("serial");
    var second = checks.checkNow("serial");
    first.toCompletableFuture().get(30, TimeUnit.SECONDS);
    second.toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertThat(issues.issues("serial")).hasSize(3);
    assertThat(issues.lastCheck("serial").orElseThrow().isFinal()).isFalse(); // the bundle is not completed
  }

  @Test
  void analyzedBundlesWithoutAFinalCheckAreCaughtUp() throws Exception {
    bundle("missed", 2);
    bundles.markStarted("missed", Instant.now(), "127.0.0.1:7");
    bundles.markCompleted("missed", Instant.now(), 2, null);
    new RuleChecks(logs, rules, issues, bundles, blocking, Duration.ZERO, Clock.systemUTC()).catchUp("127.0.0.1:7");
    assertThat(awaitCheck("missed", true).rulesChecked()).isEqualTo(1);
    assertThat(issues.issues("missed")).hasSize(2);
  }
}
