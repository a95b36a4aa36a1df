package io.bundlescope.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A node started by the launcher ({@code bundlescope run}) as a separate process, in a scratch
 * directory holding its data and log; {@link #close} stops it with SIGTERM and deletes the
 * directory. The launcher may build the project first (it does when sources changed), so the
 * health wait is long.
 */
final class NodeUnderTest implements AutoCloseable {
  private static final String MAIN_CLASS = "io.bundlescope.node.cli.Main";

  final NodeApi api;
  private final Process launcher;
  private final Path workDir;
  private final Path log;
  private final AtomicBoolean closed = new AtomicBoolean();
  private ProcessHandle java;

  private NodeUnderTest(Process launcher, Path workDir, Path log, NodeApi api) {
    this.launcher = launcher;
    this.workDir = workDir;
    this.log = log;
    this.api = api;
  }

  /** Starts a node allowed to read {@code bundles} and waits until {@code /health} is 200. */
  static NodeUnderTest start(Path launcherScript, Path bundles, Path work, Duration healthTimeout)
      throws IOException, InterruptedException {
    Path dir = TempDirs.create(work, "node-");
    Path log = dir.resolve("node.log");
    int port = freePort();
    Process process = new ProcessBuilder(launcherScript.toString(), "run",
        "--port", Integer.toString(port), "--cluster-port", Integer.toString(freePort()),
        "--data-dir", dir.resolve("data").toString(), "--allow-root", bundles.toString(),
        "--inbox", bundles.resolve("inbox").toString())
        .directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    NodeUnderTest node = new NodeUnderTest(process, dir, log, new NodeApi(port));
    Runtime.getRuntime().addShutdownHook(new Thread(node::closeQuietly, "stop-node"));
    try {
      long deadline = System.nanoTime() + healthTimeout.toNanos();
      while (!node.api.healthy()) {
        if (!process.isAlive()) throw node.failure("node exited with " + process.exitValue());
        if (System.nanoTime() > deadline) throw node.failure("node not healthy within " + healthTimeout);
        Thread.sleep(500);
      }
      node.java = node.findJava().orElseThrow(() -> node.failure("no java process running " + MAIN_CLASS));
      return node;
    } catch (InterruptedException | RuntimeException e) {
      node.close();
      throw e;
    }
  }

  /** Bytes on disk of a bundle's index directory ({@code <data-dir>/index/<id>}, counts included). */
  long indexBytes(String bundleId) throws IOException {
    Path index = workDir.resolve("data").resolve("index").resolve(bundleId);
    if (!Files.isDirectory(index)) return 0;
    try (var files = Files.walk(index)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  /** CPU seconds the node's JVM used so far. */
  double javaCpuSeconds() {
    return Proc.cpuSeconds(java.pid());
  }

  /** CPU seconds the node's other processes (embedded PostgreSQL) used so far. */
  double helpersCpuSeconds() {
    return helpers().stream().mapToDouble(p -> Proc.cpuSeconds(p.pid())).sum();
  }

  /** Peak resident memory (VmHWM) of the node's JVM in KiB. */
  long javaPeakRssKib() throws IOException {
    return Proc.peakRssKib(java.pid());
  }

  /**
   * Summed VmHWM (KiB) of the node's other processes (embedded PostgreSQL) and their count; an
   * upper bound, shared memory being counted in each.
   */
  long[] helpersPeakRssKib() {
    List<ProcessHandle> helpers = helpers();
    long sum = 0;
    for (ProcessHandle p : helpers) sum += Proc.peakRssKibOrZero(p.pid());
    return new long[] {sum, helpers.size()};
  }

  /** The last lines of the node's log. */
  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /**
   * SIGTERM to the node, a minute for it to stop (SIGKILL after), then SIGTERM to any process
   * it started that outlives it (embedded PostgreSQL, a launcher build), SIGKILL after 30 s;
   * then deletes its directory. Runs once; a shutdown hook calls it too (Ctrl-C).
   */
  @Override
  public void close() throws IOException, InterruptedException {
    if (!closed.compareAndSet(false, true)) return;
    List<ProcessHandle> tree = helpers();
    launcher.destroy();
    if (java != null && java.pid() != launcher.pid()) java.destroy();
    if (!launcher.waitFor(60, TimeUnit.SECONDS)) launcher.destroyForcibly().waitFor();
    if (java != null && !await(java, 60)) java.destroyForcibly();
    for (ProcessHandle p : tree) {
      if (!await(p, 10)) p.destroy();
    }
    for (ProcessHandle p : tree) {
      if (!await(p, 30)) p.destroyForcibly();
    }
    TempDirs.delete(workDir);
  }

  private static boolean await(ProcessHandle p, int seconds) throws InterruptedException {
    try {
      p.onExit().get(seconds, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return !p.isAlive();
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException | InterruptedException e) {
      System.err.println("stopping the node: " + e);
    }
  }

  /**
   * The node's processes besides its JVM: the launcher's descendants, and any process naming
   * the node's directory in its command line (a daemonized PostgreSQL: {@code postgres -D
   * <data-dir>/...}) with its descendants.
   */
  private List<ProcessHandle> helpers() {
    String dir = workDir.toString();
    Set<ProcessHandle> found = new LinkedHashSet<>(launcher.toHandle().descendants().toList());
    ProcessHandle.allProcesses().filter(p -> Proc.commandLine(p.pid()).contains(dir)).forEach(p -> {
      found.add(p);
      p.descendants().forEach(found::add);
    });
    found.remove(launcher.toHandle());
    found.remove(ProcessHandle.current());
    if (java != null) found.remove(java);
    return List.copyOf(found);
  }

  /** The launcher itself once it has exec'd java, else its descendant running the node's main. */
  private Optional<ProcessHandle> findJava() {
    ProcessHandle self = launcher.toHandle();
    if (Proc.commandLine(self.pid()).contains(MAIN_CLASS)) return Optional.of(self);
    return self.descendants().filter(p -> Proc.commandLine(p.pid()).contains(MAIN_CLASS)).findFirst();
  }

  private IllegalStateException failure(String what) {
    return new IllegalStateException(what + "; node log tail:\n" + logTail(40));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
