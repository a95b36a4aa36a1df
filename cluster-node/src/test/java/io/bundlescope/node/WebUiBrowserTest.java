package io.bundlescope.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.bundlescope.testbundles.BundleGenerator;
import io.bundlescope.testbundles.BundleSpec;
import io.bundlescope.testbundles.GeneratedBundle;
import io.bundlescope.testbundles.Layout;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI in a real browser: the node runs in this JVM (as in {@link AnalyzeBundleEndToEndTest})
 * and {@code web-ui/e2e/ui.e2e.mjs} drives Debian's Chromium through playwright-core against
 * it, checking every count against the generator's expectations. Screenshots of the main pages
 * land in {@code target/screenshots/}. Chromium missing is a failure, not a skip: CI installs it
 * ({@code ./bundlescope test}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path WEB_UI = Path.of("..", "web-ui").toAbsolutePath().normalize();
  private static final Path SCRIPT = WEB_UI.resolve("e2e/ui.e2e.mjs");
  private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(8);

  @TempDir static Path root;
  private ActorSystem<Void> node;
  private String base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeAll
  void startNode() throws Exception {
    Path bundles = Files.createDirectories(root.resolve("bundles"));
    int port = FreePorts.next();
    node = Node.start(new NodeSettings("127.0.0.1", port, 0, List.of(), root.resolve("data"), null, null, null,
        List.of(bundles), null));
    base = "http://127.0.0.1:" + port;
    ApiClient api = new ApiClient(port);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!api.isUp()) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("node did not become healthy");
      Thread.sleep(100);
    }
  }

  @AfterAll
  void stopNode() {
    if (node != null) {
      node.terminate();
      node.getWhenTerminated().toCompletableFuture().join();
    }
  }

  @Test
  void servesTheUiAtTheRootItsAssetsWithTheirTypesAndIndexHtmlForClientRoutes() throws Exception {
    HttpResponse<String> index = get("/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(index.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(index.body()).contains("<div id=\"app\">");

    Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index.body());
    Matcher style = Pattern.compile("href=\"(/assets/[^\"]+\\.css)\"").matcher(index.body());
    assertThat(script.find()).as("index.html names its script").isTrue();
    assertThat(style.find()).as("index.html names its style sheet").isTrue();
    HttpResponse<String> js = get(script.group(1));
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
    assertThat(js.headers().firstValue("Cache-Control")).hasValueSatisfying(t -> assertThat(t).contains("immutable"));
    assertThat(get(style.group(1)).headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));

    HttpResponse<String> clientRoute = get("/browse/some-bundle?cvm_ip=10.1.2.10&log_level=ERROR");
    assertThat(clientRoute.statusCode()).isEqualTo(200);
    assertThat(clientRoute.body()).isEqualTo(index.body());
    assertThat(get("/heatmap/some-bundle?rows=service").body()).isEqualTo(index.body());

    HttpResponse<String> rulesPage = send(HttpRequest.newBuilder(URI.create(base + "/rules?severity=critical"))
        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET().build());
    assertThat(rulesPage.statusCode()).as("a browser opening /rules gets the rules page").isEqualTo(200);
    assertThat(rulesPage.body()).isEqualTo(index.body());
    for (String accept : List.of("application/json", "*/*")) {
      HttpResponse<String> rulesApi = send(HttpRequest.newBuilder(URI.create(base + "/rules")).header("Accept", accept).GET().build());
      assertThat(rulesApi.headers().firstValue("Content-Type")).as(accept).hasValue("application/json");
      assertThat(rulesApi.body()).startsWith("{\"rules\":");
    }
    assertThat(get("/rules").body()).startsWith("{\"rules\":");
    assertThat(get("/rules/no-such-rule/history").statusCode()).isEqualTo(404);
    assertThat(get("/rules/no-such-rule/what").headers().firstValue("Content-Type")).hasValue("application/json");

    assertThat(get("/assets/no-such-file.js").statusCode()).isEqualTo(404);
    HttpResponse<String> apiMiss = get("/logs/nothing-here");
    assertThat(apiMiss.statusCode()).isEqualTo(404);
    assertThat(apiMiss.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(get("/health").body()).contains("\"status\"");
  }

  @Test
  void aPersonSubmitsABundleFiltersByNodeAndLevelQueriesAndOpensARecordInChromium() throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      fail("Debian's Chromium is required at " + CHROMIUM + " for the browser test: run ./bundlescope test "
          + "(it installs it) or apt-get install chromium");
    }
    if (!Files.isDirectory(WEB_UI.resolve("node_modules/playwright-core"))) {
      fail("playwright-core is not installed in " + WEB_UI + ": build the web-ui module first (it runs npm ci), "
          + "e.g. mvn -pl web-ui install");
    }
    GeneratedBundle bundle = BundleGenerator.generate(
        BundleSpec.builder().nodes(3).seed(17).recordsPerNode(3000).layout(Layout.TAR_GZ_OF_ZIPS).build(),
        root.resolve("bundles").resolve("NCC-logs-browser.tar.gz"));
    // the live view's bundle: big enough that its ingest takes seconds (the page is opened right after submitting it)
    GeneratedBundle liveBundle = BundleGenerator.generate(
        BundleSpec.builder().nodes(3).seed(23).recordsPerNode(50_000).layout(Layout.TAR_GZ_OF_ZIPS).build(),
        root.resolve("bundles").resolve("NCC-logs-live.tar.gz"));
    // the compare step's second bundle: the first one's cluster again (fewer records), plus on its first node
    // a burst of one error and an error never seen before (templates only in it, anomalous)
    GeneratedBundle compareBundle = BundleGenerator.generate(
        BundleSpec.builder().nodes(3).seed(17).recordsPerNode(2000).layout(Layout.DIRECTORY).build(),
        root.resolve("bundles").resolve("NCC-logs-compare"));
    injectErrors(compareBundle.path());
    Path screenshots = Files.createDirectories(Path.of("target", "screenshots").toAbsolutePath());

    ProcessBuilder pb = new ProcessBuilder("node", SCRIPT.toString()).directory(WEB_UI.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("BUNDLESCOPE_URL", base);
    env.put("BUNDLESCOPE_BUNDLE", bundle.path().toString());
    env.put("BUNDLESCOPE_EXPECTED", bundle.expectedJson().toString());
    env.put("BUNDLESCOPE_SCREENSHOTS", screenshots.toString());
    env.put("BUNDLESCOPE_LIVE_BUNDLE", liveBundle.path().toString());
    env.put("BUNDLESCOPE_COMPARE_BUNDLE", compareBundle.path().toString());
    env.put("CHROMIUM", CHROMIUM.toString());
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new AssertionError("cannot start node (Node.js) for " + SCRIPT + ": " + e.getMessage(), e);
    }
    process.getOutputStream().close();
    StringBuilder output = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (var in = process.getInputStream()) {
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
          String text = new String(buffer, 0, n, StandardCharsets.UTF_8);
          System.out.print(text);
          synchronized (output) {
            output.append(text);
          }
        }
      } catch (IOException ignored) {
        // the process ended
      }
    }, "e2e-output");
    reader.start();
    boolean ended = process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (!ended) process.destroyForcibly().waitFor();
    reader.join(10_000);
    String log;
    synchronized (output) {
      log = output.toString();
    }
    if (!ended) fail(SCRIPT + " did not end within " + SCRIPT_TIMEOUT + ":\n" + log);
    assertThat(process.exitValue()).as("%s exit code; its output:%n%s", SCRIPT.getFileName(), log).isZero();
    assertThat(log).contains("web UI: all checks passed");
    for (String shot : List.of("03-filtered.png", "07-brushed.png", "08-context.png", "09-heatmap-nodes.png", "10-heatmap-cell.png",
        "11-issues.png", "12-rule-editor.png", "13-rules.png", "14-live.png", "16-compare.png", "17-templates.png")) {
      assertThat(screenshots.resolve(shot)).isNotEmptyFile();
    }
  }

  /** A glog file on the bundle's first node (10.1.2.10): 30 ERRORs of one message in 30 s, then one never seen. */
  private static void injectErrors(Path bundleDir) throws IOException {
    Path cvmLogs;
    try (Stream<Path> dirs = Files.list(bundleDir)) {
      cvmLogs = dirs.filter(d -> d.getFileName().toString().endsWith("-PE-10.1.2.10")).findFirst().orElseThrow().resolve("cvm_logs");
    }
    String host = "ntnx-26sm7b500100-a-cvm";
    List<String> lines = new ArrayList<>(List.of("Log file created at: 2026/11/30 03:00:00", "Running on machine: " + host,
        "Log line format: [IWEF]mmdd hh:mm:ss.uuuuuu threadid file:line] msg"));
    for (int i = 0; i < 30; i++) {
      lines.add(String.format("E1130 03:10:%02d.000000  7777 disk_manager.cc:412] Disk /dev/sdc failed SMART check: reallocated sectors %d", i, 2000 + i));
    }
    lines.add("E1130 04:20:00.000000  7777 disk_manager.cc:977] Controller mpt3sas0 reset by firmware watchdog");
    Files.write(cvmLogs.resolve("hades." + host + ".nutanix.log.INFO.20261130-030000.7777"), lines);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
