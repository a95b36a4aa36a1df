package io.bundlescope.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Anomaly scores end to end on a real node. The node first analyzes a generated two-node bundle
 * (its history), then the same bundle again with a file injected on node A: a burst of 30
 * ERRORs of one message within a minute, and one ERROR never seen before. {@code
 * /logs/anomalies} ranks those two first with their reasons, {@code /logs/search?anomaly=0.5}
 * returns exactly their records, each with its score and reasons.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnomaliesEndToEndTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final String A = "10.1.2.10";
  private static final String HOST_A = "ntnx-26sm7b500100-a-cvm";
  private static final String BURST = "Disk /dev/sdc failed SMART check: reallocated sectors";
  private static final String NEVER_SEEN = "Controller mpt3sas0 reset by firmware watchdog";

  @TempDir static Path root;
  private RunningNode node;
  private ApiClient api;
  private String id;

  @BeforeAll
  void analyzeAHistoryThenABundleWithInjectedAnomalies() throws Exception {
    node = RunningNode.start(root);
    api = node.api;
    BundleSpec spec = BundleSpec.builder().nodes(2).seed(77).recordsPerNode(600).layout(Layout.DIRECTORY)
        .startTime(Instant.parse("2026-11-30T00:00:00Z")).duration(Duration.ofHours(6)).build();
    GeneratedBundle history = BundleGenerator.generate(spec, node.bundles.resolve("history"));
    String historyId = api.analyze(history.path().toString());
    assertThat(api.awaitEnd(historyId, TIMEOUT).path("job_status").asText()).isEqualTo("completed");

    GeneratedBundle bundle = BundleGenerator.generate(spec, node.bundles.resolve("today"));
    List<String> lines = new ArrayList<>(List.of("Log file created at: 2026/11/30 03:00:00",
        "Running on machine: " + HOST_A, "Log line format: [IWEF]mmdd hh:mm:ss.uuuuuu threadid file:line] msg"));
    for (int i = 0; i < 30; i++) {
      lines.add(String.format("E1130 03:10:%02d.000000  7777 disk_manager.cc:412] %s %d", i, BURST, 2000 + i));
    }
    lines.add("E1130 04:20:00.000000  7777 disk_manager.cc:977] " + NEVER_SEEN);
    Files.write(cvmLogs(bundle.path(), A).resolve("hades." + HOST_A + ".nutanix.log.INFO.20261130-030000.7777"), lines);
    id = api.analyze(bundle.path().toString());
    assertThat(api.awaitEnd(id, TIMEOUT).path("job_status").asText()).isEqualTo("completed");
    awaitScan();
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

  private void awaitScan() throws InterruptedException {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!api.get("/logs/anomalies?log_bundle_id=" + id).body().path("scanned_at").isNull()) return;
      Thread.sleep(200);
    }
    throw new AssertionError("no anomaly scan of " + id);
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static List<String> kinds(JsonNode reasons) {
    return list(reasons).stream().map(r -> r.path("kind").asText()).toList();
  }

  @Test
  void theBurstAndTheNeverSeenErrorRankFirstWithTheirReasons() {
    ApiClient.Answer answer = api.get("/logs/anomalies?log_bundle_id=" + id);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    List<JsonNode> ranked = list(answer.body().path("anomalies"));
    assertThat(ranked.size()).isGreaterThanOrEqualTo(2);
    JsonNode burst = ranked.get(0);
    assertThat(burst.path("template").asText()).isEqualTo("Disk <PATH> failed SMART check: reallocated sectors <NUM>");
    assertThat(burst.path("cvm_ip").asText()).isEqualTo(A);
    assertThat(burst.path("count").asLong()).isEqualTo(30);
    assertThat(burst.path("errors").asLong()).isEqualTo(30);
    assertThat(kinds(burst.path("reasons"))).containsExactly("burst", "new", "one_node");
    assertThat(burst.path("score").asDouble()).isEqualTo(1.0);
    assertThat(burst.path("reasons").get(0).path("detail").asText()).startsWith("30 records in the 2m slot from 2026-11-30T03:10:00Z");
    assertThat(burst.path("samples")).hasSize(3);

    JsonNode neverSeen = ranked.get(1);
    assertThat(neverSeen.path("template").asText()).isEqualTo(NEVER_SEEN);
    assertThat(kinds(neverSeen.path("reasons"))).containsExactly("new", "rare");
    assertThat(neverSeen.path("score").asDouble()).isEqualTo(0.7);
    assertThat(neverSeen.path("count").asLong()).isEqualTo(1);
    for (JsonNode other : ranked.subList(2, ranked.size())) {
      assertThat(other.path("score").asDouble()).as(other.toString()).isLessThan(0.5);
    }
  }

  @Test
  void searchingForAnomaliesReturnsExactlyTheInjectedRecordsWithTheirScores() {
    ApiClient.Answer answer = api.get("/logs/search?limit=100&anomaly=0.5&log_bundle_id=" + id);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.body().path("total").asLong()).isEqualTo(31);
    List<JsonNode> records = list(answer.body().path("records"));
    assertThat(records).hasSize(31).allSatisfy(r -> {
      assertThat(r.path("cvm_ip").asText()).isEqualTo(A);
      assertThat(r.path("service").asText()).isEqualTo("hades");
      assertThat(r.path("anomaly").asDouble()).isGreaterThanOrEqualTo(0.5);
      assertThat(r.path("anomaly_reasons")).isNotEmpty();
    });
    assertThat(records.stream().filter(r -> r.path("message").asText().startsWith(BURST)))
        .hasSize(30).allSatisfy(r -> assertThat(r.path("anomaly").asDouble()).isEqualTo(1.0));
    JsonNode last = records.get(30);
    assertThat(last.path("message").asText()).isEqualTo(NEVER_SEEN);
    assertThat(kinds(last.path("anomaly_reasons"))).containsExactly("new", "rare");

    ApiClient.Answer none = api.get("/logs/search?limit=1&anomaly=1&log_bundle_id=" + id + "&service=stargate");
    assertThat(none.body().path("total").asLong()).isZero();
    ApiClient.Answer bad = api.get("/logs/search?anomaly=2&log_bundle_id=" + id);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("param").asText()).isEqualTo("anomaly");
  }

  @Test
  void everyRecordCarriesItsPairsScoreAndTheRestOfTheBundleScoresBelowTheFlag() {
    Set<String> seen = new HashSet<>();
    ApiClient.Answer page = api.get("/logs/search?limit=10000&log_bundle_id=" + id);
    for (JsonNode r : page.body().path("records")) {
      double score = r.path("anomaly").asDouble();
      boolean injected = r.path("service").asText().equals("hades");
      assertThat(score >= 0.5).as(r.toString()).isEqualTo(injected);
      assertThat(r.path("anomaly_reasons").isArray()).isTrue();
      if (score > 0) seen.add(r.path("id").asText());
    }
    assertThat(seen).hasSizeGreaterThanOrEqualTo(31);
    ApiClient.Answer context = api.get("/logs/context?before=0&after=0&log_bundle_id=" + id + "&id="
        + api.get("/logs/search?limit=1&anomaly=0.6&log_bundle_id=" + id).body().path("records").get(0).path("id").asText());
    JsonNode target = context.body().path("records").get(context.body().path("target_index").asInt());
    assertThat(target.path("anomaly").asDouble()).isEqualTo(1.0);
    assertThat(kinds(target.path("anomaly_reasons"))).contains("burst");
  }
}
