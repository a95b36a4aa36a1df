package io.bundlescope.node;

import io.bundlescope.store.Database;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A node in its own JVM, started as {@code bundlescope run} would, that a test can kill -9. */
final class NodeProcess implements AutoCloseable {
  private final List<String> command;
  private final Path workDir;
  private final Path log;
  private Process process;
  final int httpPort;
  final int clusterPort;

  NodeProcess(Path workDir, Path dataDir, Path bundles, List<String> jvmOptions) {
    this(workDir, dataDir, bundles, jvmOptions, List.of());
  }

  /** @param runOptions more {@code bundlescope run} options, e.g. {@code --seed}, {@code --db-url} */
  NodeProcess(Path workDir, Path dataDir, Path bundles, List<String> jvmOptions, List<String> runOptions) {
    this.workDir = workDir;
    this.httpPort = FreePorts.next();
    this.clusterPort = FreePorts.next();
    this.log = workDir.resolve("node-" + httpPort + ".log");
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classpath, "io.bundlescope.node.cli.Main", "run",
        "--port", String.valueOf(httpPort), "--cluster-port", String.valueOf(clusterPort),
        "--data-dir", dataDir.toString(), "--allow-root", bundles.toString(),
        "--inbox", bundles.resolve("inbox").toString()));
    command.addAll(runOptions);
  }

  /**
   * Starts {@code n1..nN} under {@code root} sharing {@code db}: the first alone, then the others
   * joining it in parallel; each is added to {@code into} before it starts (so the caller closes
   * them even if a start fails).
   */
  static void startCluster(int count, Path root, Path bundles, List<String> jvmOptions, Database db, Duration timeout,
      List<NodeProcess> into) throws IOException, InterruptedException {
    List<String> shared = List.of("--db-url", db.jdbcUrl(), "--db-user", db.user(), "--db-password", "");
    NodeProcess first = new NodeProcess(root, root.resolve("n1"), bundles, jvmOptions, shared);
    into.add(first);
    first.start(timeout);
    List<String> joining = new ArrayList<>(shared);
    joining.addAll(List.of("--seed", "127.0.0.1:" + first.clusterPort));
    List<NodeProcess> others = new ArrayList<>();
    for (int i = 2; i <= count; i++) others.add(new NodeProcess(root, root.resolve("n" + i), bundles, jvmOptions, joining));
    into.addAll(others);
    CompletableFuture.allOf(others.stream().map(n -> CompletableFuture.runAsync(() -> {
      try {
        n.start(timeout);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    })).toArray(CompletableFuture[]::new)).join();
  }

  /** The node's name: its HTTP {@code host:port}, as in hosting_worker_vm_ip and X-Served-By. */
  String name() {
    return "127.0.0.1:" + httpPort;
  }

  /** Its cluster member address, as {@code GET /cluster/load} names nodes. */
  String memberAddress() {
    return "pekko://bundlescope@127.0.0.1:" + clusterPort;
  }

  Path log() {
    return log;
  }

  /** Starts the JVM and waits until {@code /health} answers 200. */
  ApiClient start(Duration timeout) throws IOException, InterruptedException {
    process = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    ApiClient api = new ApiClient(httpPort);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!api.isUp()) {
      if (!process.isAlive()) throw new IllegalStateException("node exited with " + process.exitValue() + "; see " + log);
      if (System.nanoTime() > deadline) throw new IllegalStateException("node not healthy within " + timeout + "; see " + log);
      Thread.sleep(200);
    }
    return api;
  }

  /** SIGKILL: no shutdown hook, no graceful leave; the embedded PostgreSQL is orphaned. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Waits until the JVM ends by itself (e.g. after leaving the cluster); whether it did. */
  boolean awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
  }
}
