package io.bundlescope.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.bundlescope.testbundles.BundleGenerator;
import io.bundlescope.testbundles.BundleSpec;
import io.bundlescope.testbundles.GeneratedBundle;
import io.bundlescope.testbundles.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Process runs and service health end to end on a real node: a generated two-node bundle in
 * which curator crash-loops on node A (three runs ending with a FATAL {@code Check failed}, each
 * followed by a new pid, as glog names its files) while it runs once, quietly, on node B; a rule
 * flags the repeated Check failed. {@code /logs/processes} lists exactly those runs and restarts,
 * {@code /logs/health} ranks curator worst, node A below node B, with the reasons.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthEndToEndTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final String A = "10.1.2.10";
  private static final String B = "10.1.2.11";
  private static final String HOST_A = "ntnx-26sm7b500100-a-cvm";
  private static final String HOST_B = "ntnx-26sm7b500101-a-cvm";
  private static final String RULE = """
      {"id": "e2e-curator-check-failed", "title": "Curator assertion failures", "severity": "critical",
       "scope": {"services": ["curator"]}, "match": {"query": "\\"check failed\\"", "levels": ["FATAL"]},
       "condition": {"min_count": 2, "window": "1h", "per": "node"}}""";

  @TempDir static Path root;
  private RunningNode node;
  private ApiClient api;
  private String id;

  @BeforeAll
  void analyzeABundleWithACrashLoop() throws Exception {
    // Only this test's rule: the scores below are about the scorer, not the starter library's content.
    node = RunningNode.start(root, ConfigFactory.parseString("bundlescope.rules.starter-library = off"));
    api = node.api;
    ApiClient.Answer created = api.post("/rules", RULE);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    GeneratedBundle bundle = BundleGenerator.generate(BundleSpec.builder().nodes(2).seed(34).recordsPerNode(400)
        .layout(Layout.DIRECTORY).startTime(Instant.parse("2026-11-30T00:00:00Z")).duration(Duration.ofHours(6))
        .build(), node.bundles.resolve("crashloop"));
    Path a = cvmLogs(bundle.path(), A);
    glog(a, HOST_A, "INFO", "20261130-031000", 1111,
        "I1130 03:10:05.000000  1111 curator.cc:100] Curator starting, version 6.5",
        "I1130 03:12:00.000000  1111 curator_scan.cc:200] Full scan 1 started",
        "F1130 03:15:00.000000  1111 curator_scan.cc:812] Check failed: egroup_map.size() == 1 (0 vs. 1)");
    // glog's FATAL file of the same process: the line is kept once (here), not also from the INFO file
    glog(a, HOST_A, "FATAL", "20261130-031500", 1111,
        "F1130 03:15:00.000000  1111 curator_scan.cc:812] Check failed: egroup_map.size() == 1 (0 vs. 1)");
    glog(a, HOST_A, "INFO", "20261130-031600", 2222,
        "I1130 03:16:02.000000  2222 curator.cc:100] Curator starting, version 6.5",
        "F1130 03:20:00.000000  2222 curator_scan.cc:812] Check failed: egroup_map.size() == 1 (0 vs. 1)");
    glog(a, HOST_A, "INFO", "20261130-032100", 3333,
        "I1130 03:21:03.000000  3333 curator.cc:100] Curator starting, version 6.5",
        "F1130 03:25:00.000000  3333 curator_scan.cc:812] Check failed: egroup_map.size() == 1 (0 vs. 1)");
    glog(a, HOST_A, "INFO", "20261130-032600", 4444,
        "I1130 03:26:04.000000  4444 curator.cc:100] Curator starting, version 6.5",
        "I1130 03:40:00.000000  4444 curator_scan.cc:200] Full scan 9 started");
    glog(cvmLogs(bundle.path(), B), HOST_B, "INFO", "20261130-010000", 5555,
        "I1130 01:00:05.000000  5555 curator.cc:100] Curator starting, version 6.5",
        "I1130 05:00:00.000000  5555 curator_scan.cc:200] Full scan 1 started");
    id = api.analyze(bundle.path().toString());
    assertThat(api.awaitEnd(id, TIMEOUT).path("job_status").asText()).isEqualTo("completed");
    awaitFinalRuleCheck();
  }

  @AfterAll
  void stopNode() {
    if (node != null) node.close();
  }

  private static Path cvmLogs(Path bundleDir, String ip) throws IOException {
    try (Stream<Path> dirs = Files.list(bundleDir)) {
      return dirs.filter(d -> d.getFileName().toString().endsWith("-PE-" + ip)).findFirst().orElseThrow()
          .resolve("cvm_logs");
    }
  }

  /** A glog file as glog names it, with its header. */
  private static void glog(Path dir, String host, String severity, String stamp, int pid, String... lines)
      throws IOException {
    List<String> content = new ArrayList<>(List.of(
        "Log file created at: " + stamp.substring(0, 4) + "/" + stamp.substring(4, 6) + "/" + stamp.substring(6, 8)
            + " " + stamp.substring(9, 11) + ":" + stamp.substring(11, 13) + ":" + stamp.substring(13, 15),
        "Running on machine: " + host,
        "Log line format: [IWEF]mmdd hh:mm:ss.uuuuuu threadid file:line] msg"));
    content.addAll(List.of(lines));
    Files.write(dir.resolve("curator." + host + ".nutanix.log." + severity + "." + stamp + "." + pid), content);
  }

  private void awaitFinalRuleCheck() throws InterruptedException {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (api.get("/logs/issues?log_bundle_id=" + id).body().path("check").path("is_final").asBoolean(false)) return;
      Thread.sleep(200);
    }
    throw new AssertionError("no final rule check of " + id);
  }

  private String message(String recordId) {
    ApiClient.Answer a = api.get("/logs/context?before=0&after=0&log_bundle_id=" + id + "&id=" + recordId);
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    return a.body().path("records").get(a.body().path("target_index").asInt()).path("message").asText();
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  @Test
  void processesListTheCrashLoopsRunsWithTheirFatalEndsAndRestarts() {
    ApiClient.Answer answer = api.get("/logs/processes?log_bundle_id=" + id + "&service=curator");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    List<JsonNode> runs = list(answer.body().path("runs"));
    assertThat(runs).extracting(r -> r.path("cvm_ip").asText(), r -> r.path("pid").asLong(),
            r -> r.path("start_time").asText(), r -> r.path("end_time").asText(), r -> r.path("records").asLong(),
            r -> r.path("ended").asText())
        .containsExactly(
            tuple(A, 1111L, "2026-11-30T03:10:00Z", "2026-11-30T03:15:00Z", 3L, "fatal"),
            tuple(A, 2222L, "2026-11-30T03:16:00Z", "2026-11-30T03:20:00Z", 2L, "fatal"),
            tuple(A, 3333L, "2026-11-30T03:21:00Z", "2026-11-30T03:25:00Z", 2L, "fatal"),
            tuple(A, 4444L, "2026-11-30T03:26:00Z", "2026-11-30T03:40:00Z", 2L, "running"),
            tuple(B, 5555L, "2026-11-30T01:00:00Z", "2026-11-30T05:00:00Z", 2L, "running"));
    for (JsonNode run : runs.subList(0, 3)) {
      assertThat(message(run.path("end_record_id").asText())).isEqualTo("Check failed: egroup_map.size() == 1 (0 vs. 1)");
      assertThat(message(run.path("first_record_id").asText())).isEqualTo("Curator starting, version 6.5");
    }
    assertThat(runs.get(3).path("end_record_id").isNull()).isTrue();
    assertThat(list(answer.body().path("restarts"))).extracting(r -> r.path("cvm_ip").asText(),
            r -> r.path("service").asText(), r -> r.path("runs").asInt(), r -> r.path("restarts").asInt(),
            r -> r.path("fatal").asInt())
        .containsExactly(tuple(A, "curator", 4, 3, 3), tuple(B, "curator", 1, 0, 0));
  }

  @Test
  void theGeneratedStargateRunOfANodeEndsWithItsFatal() {
    ApiClient.Answer answer = api.get("/logs/processes?log_bundle_id=" + id + "&service=stargate&cvm_ip=" + B);
    assertThat(list(answer.body().path("runs"))).extracting(r -> r.path("cvm_ip").asText(), r -> r.path("pid").asLong(),
            r -> r.path("ended").asText())
        .containsExactly(tuple(B, 3103L, "fatal"));
    assertThat(list(answer.body().path("restarts"))).extracting(r -> r.path("restarts").asInt()).containsExactly(0);
  }

  @Test
  void healthRanksTheCrashLoopingServiceWorstAndItsNodeBelowTheOthers() {
    ApiClient.Answer answer = api.get("/logs/health?log_bundle_id=" + id);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.body().path("computed_at").asText()).isNotEmpty();
    List<JsonNode> services = list(answer.body().path("services"));
    JsonNode curator = services.get(0);
    assertThat(curator.path("service").asText()).isEqualTo("curator");
    // 100 - FATAL 3 x 10 - restarts 3 x 8 - critical issue 15
    assertThat(curator.path("score").asInt()).isEqualTo(31);
    assertThat(curator.path("worst_cvm_ip").asText()).isEqualTo(A);
    assertThat(curator.path("spread").asInt()).isEqualTo(69);
    assertThat(list(curator.path("reasons"))).extracting(r -> r.path("kind").asText(), r -> r.path("penalty").asInt(),
            r -> r.path("detail").asText())
        .containsExactly(
            tuple("fatal", 30, "3 FATAL records"),
            tuple("restarts", 24, "3 restarts in 4 runs (3 after a FATAL, 0 without an end marker, 0 after a clean stop)"),
            tuple("issue", 15, "known issue e2e-curator-check-failed (critical): Curator assertion failures"));
    for (JsonNode evidence : curator.path("reasons").get(0).path("evidence")) {
      assertThat(message(evidence.asText())).startsWith("Check failed:");
    }
    assertThat(curator.path("reasons").get(1).path("evidence")).hasSize(3);
    assertThat(list(curator.path("nodes"))).extracting(n -> n.path("cvm_ip").asText(), n -> n.path("score").asInt())
        .containsExactly(tuple(A, 31), tuple(B, 100));
    assertThat(curator.path("nodes").get(1).path("reasons")).isEmpty();
    for (JsonNode other : services.subList(1, services.size())) {
      assertThat(other.path("score").asInt()).as(other.toString()).isGreaterThan(31);
    }
    assertThat(services).extracting(s -> s.path("score").asInt()).isSorted();
  }

  @Test
  void unknownOrMissingBundlesAreJsonErrorsNamingTheParameter() {
    ApiClient.Answer missing = api.get("/logs/health");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().path("param").asText()).isEqualTo("log_bundle_id");
    ApiClient.Answer unknown = api.get("/logs/processes?log_bundle_id=nope");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().path("param").asText()).isEqualTo("log_bundle_id");
  }
}
