package io.bundlescope.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * A real node in this JVM (embedded PostgreSQL, Lucene, a Pekko cluster of one, HTTP on a free
 * port) with its data under {@code root}; bundles are readable under {@code root/bundles}.
 */
final class RunningNode implements AutoCloseable {
  final Path bundles;
  final ApiClient api;
  private final ActorSystem<Void> system;
  private final Path pgData;

  private RunningNode(Path bundles, ApiClient api, ActorSystem<Void> system, Path pgData) {
    this.bundles = bundles;
    this.api = api;
    this.system = system;
    this.pgData = pgData;
  }

  /** Starts the node and waits until /health answers 200. */
  static RunningNode start(Path root) throws Exception {
    return start(root, ConfigFactory.empty());
  }

  /** As {@link #start(Path)}, with {@code extra} settings over the node's configuration. */
  static RunningNode start(Path root, Config extra) throws Exception {
    Path bundles = Files.createDirectories(root.resolve("bundles"));
    int port = FreePorts.next();
    ActorSystem<Void> system = Node.start(new NodeSettings("127.0.0.1", port, 0, List.of(), root.resolve("data"),
        null, null, null, List.of(bundles), bundles.resolve("inbox")), extra);
    RunningNode node = new RunningNode(bundles, new ApiClient(port), system, root.resolve("data").resolve("pg"));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!node.api.isUp()) {
      if (System.nanoTime() > deadline) {
        node.close();
        throw new IllegalStateException("node did not become healthy");
      }
      Thread.sleep(100);
    }
    return node;
  }

  /**
   * Stops the node and waits until its embedded PostgreSQL is down too (the node stops it after the actor system
   * terminated, on another thread), so that the data directory may be reused or moved right away.
   */
  @Override
  public void close() {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (Files.exists(pgData.resolve("postmaster.pid")) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
