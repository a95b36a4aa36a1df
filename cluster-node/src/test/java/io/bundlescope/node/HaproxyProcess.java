package io.bundlescope.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real HAProxy (Debian's package) configured by the project's {@code haproxy/render.sh}, in
 * the foreground, with its runtime API on a loopback TCP port.
 */
final class HaproxyProcess implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/sbin/haproxy");
  final int port = FreePorts.next();
  private final int apiPort = FreePorts.next();
  final Path map;
  private final Path config;
  private final Path log;
  private Process process;

  HaproxyProcess(Path workDir, List<String> nodes) throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException("HAProxy is not installed: run the tests with ./bundlescope test "
          + "(it installs it) or apt-get install haproxy");
    }
    map = workDir.resolve("bundle-owners.map");
    config = workDir.resolve("haproxy.cfg");
    log = workDir.resolve("haproxy.log");
    List<String> render = new ArrayList<>(List.of("bash", renderScript().toString(), "--bind", "127.0.0.1:" + port,
        "--map", map.toString(), "--runtime-api", "ipv4@127.0.0.1:" + apiPort));
    render.addAll(nodes);
    Process r = new ProcessBuilder(render).redirectOutput(config.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    if (r.waitFor() != 0) throw new IllegalStateException("haproxy/render.sh failed: " + r.exitValue());
  }

  /** The repository's {@code haproxy/render.sh}, found from the module directory upwards. */
  private static Path renderScript() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path script = dir.resolve("haproxy").resolve("render.sh");
      if (Files.isRegularFile(script)) return script;
    }
    throw new IllegalStateException("haproxy/render.sh not found above " + Path.of("").toAbsolutePath());
  }

  /** Starts HAProxy and waits until its runtime API answers. */
  HaproxyProcess start(Duration timeout) throws IOException, InterruptedException {
    process = new ProcessBuilder(BINARY.toString(), "-db", "-f", config.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!process.isAlive()) throw new IllegalStateException("haproxy exited with " + process.exitValue() + "; see " + log);
      try {
        runtime("show info");
        return this;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) throw new IllegalStateException("haproxy not up within " + timeout + "; see " + log);
        Thread.sleep(100);
      }
    }
  }

  /** One runtime API command (e.g. {@code show map FILE}); its whole answer. */
  String runtime(String command) throws IOException {
    try (Socket s = new Socket("127.0.0.1", apiPort)) {
      s.setSoTimeout(5_000);
      OutputStream out = s.getOutputStream();
      out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The routing map as HAProxy holds it now. */
  String showMap() throws IOException {
    return runtime("show map " + map);
  }

  /**
   * The backend server's operational state for {@code node} (host:port), per {@code show servers
   * state}: 0 stopped (down), 1 starting, 2 running, 3 stopping (NOLB: a 404 from /health under
   * {@code disable-on-404}, out of the balancing but still the target of use-server); -1 unknown.
   */
  int opState(String node) throws IOException {
    int colon = node.lastIndexOf(':');
    for (String line : runtime("show servers state bundlescope_nodes").split("\n")) {
      String[] f = line.split(" ");
      if (f.length > 18 && f[4].equals(node.substring(0, colon)) && f[18].equals(node.substring(colon + 1))) {
        return Integer.parseInt(f[5]);
      }
    }
    return -1;
  }

  /** Whether the backend server for {@code node} (host:port) is UP, per {@code show servers state}. */
  boolean isUp(String node) throws IOException {
    int colon = node.lastIndexOf(':');
    for (String line : runtime("show servers state bundlescope_nodes").split("\n")) {
      String[] f = line.split(" ");
      // be_id be_name srv_id srv_name srv_addr srv_op_state ... srv_port at index 18
      if (f.length > 18 && f[4].equals(node.substring(0, colon)) && f[18].equals(node.substring(colon + 1))) {
        return f[5].equals("2") || f[5].equals("1"); // running, or starting (slowstart)
      }
    }
    return false;
  }

  Path log() {
    return log;
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
  }
}
