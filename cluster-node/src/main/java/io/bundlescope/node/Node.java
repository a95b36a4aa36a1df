package io.bundlescope.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bundlescope.analyzers.templates.TemplateLibrary;
import io.bundlescope.index.LogStore;
import io.bundlescope.index.lucene.LuceneLogStore;
import io.bundlescope.store.Database;
import io.bundlescope.store.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a node: the database first (the journal needs it), then the actor system whose
 * {@link Guardian} wires everything else. Closing order on shutdown: HTTP stops taking requests,
 * entities stop, the index closes, the database stops last.
 */
public final class Node {
  private static final Logger log = LoggerFactory.getLogger(Node.class);

  private Node() {}

  public static ActorSystem<Void> start(NodeSettings settings) throws Exception {
    return start(settings, ConfigFactory.empty());
  }

  /** As {@link #start(NodeSettings)}, with settings that override the configuration (tests). */
  static ActorSystem<Void> start(NodeSettings settings, Config extra) throws Exception {
    Files.createDirectories(settings.dataDir());
    if (settings.inbox() != null) Files.createDirectories(settings.inbox());
    Database db = Database.start(settings.dbUrl() == null
        ? DatabaseSettings.embedded(settings.dataDir().resolve("pg"), settings.dbPort())
        : DatabaseSettings.external(settings.dbUrl(), settings.dbUser(), settings.dbPassword()));
    if (settings.dbUrl() == null) {
      log.info("Embedded PostgreSQL: other nodes on this machine join with --db-url {} --db-user {}",
          db.jdbcUrl(), db.user());
    }
    try {
      new NodeFile(ProcessHandle.current().pid(), "http://" + settings.host() + ":" + settings.httpPort(),
          db.jdbcUrl(), db.user(), settings.dbUrl() == null).write(settings.dataDir());
    } catch (java.io.IOException e) {
      log.warn("Cannot write {} (admin commands will need --db-url/--server): {}", NodeFile.NAME, e.getMessage());
    }
    Config config = extra.withFallback(config(settings, db));
    LogStore logs = new LuceneLogStore(settings.dataDir().resolve("index"), LuceneLogStore.DEFAULT_REFRESH_INTERVAL,
        config.getDuration("bundlescope.search.regex-budget"));
    ActorSystem<Void> system;
    try {
      TemplateLibrary templates = TemplateLibrary.open(settings.dataDir().resolve("templates"));
      system = ActorSystem.create(Guardian.create(settings, db, logs, templates), "bundlescope", config);
    } catch (RuntimeException | java.io.IOException e) {
      logs.close();
      db.close();
      NodeFile.removeOurs(settings.dataDir());
      throw e;
    }
    // Gone before the system reports terminated (an in-JVM restart sees no stale file); again at the very end
    // in case coordinated shutdown did not run. A file left by a killed node names a dead pid.
    CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(), "node-file",
        () -> {
          NodeFile.removeOurs(settings.dataDir());
          return CompletableFuture.completedFuture(Done.getInstance());
        });
    system.getWhenTerminated().whenComplete((done, failure) -> {
      NodeFile.removeOurs(settings.dataDir());
      try {
        logs.close();
      } catch (Exception ignored) {
        // the process is ending; the index is recovered from its last commit
      }
      db.close();
    });
    return system;
  }

  /** The node-specific part of the configuration; everything else is in application.conf. */
  static Config config(NodeSettings s, Database db) {
    Map<String, Object> overrides = new HashMap<>();
    overrides.put("pekko.remote.artery.canonical.hostname", s.host());
    overrides.put("pekko.remote.artery.canonical.port", s.clusterPort());
    overrides.put("pekko.cluster.roles", List.of(LostNodes.httpRole(s.nodeName())));
    overrides.put("pekko.cluster.seed-nodes", s.seedNodes().stream().map(a -> "pekko://bundlescope@" + a).toList());
    String slick = "pekko-persistence-jdbc.shared-databases.slick.db.";
    overrides.put(slick + "url", db.jdbcUrl());
    overrides.put(slick + "user", db.user());
    overrides.put(slick + "password", db.password());
    overrides.put("bundlescope.http.host", s.host());
    overrides.put("bundlescope.http.port", s.httpPort());
    return ConfigFactory.parseMap(overrides).withFallback(ConfigFactory.load());
  }

  static Path staging(NodeSettings s) {
    return s.dataDir().resolve("staging");
  }
}
