package io.bundlescope.node;

import static io.bundlescope.node.StreamClient.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bundlescope.testbundles.BundleGenerator;
import io.bundlescope.testbundles.BundleSpec;
import io.bundlescope.testbundles.Expected;
import io.bundlescope.testbundles.GeneratedBundle;
import io.bundlescope.testbundles.Layout;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /logs/stream} against a real node: a java.net.http WebSocket follows a generated
 * bundle while it is ingested, and what it receives is checked against the generator's counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveStreamEndToEndTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path root;
  private RunningNode node;
  private ApiClient api;

  @BeforeAll
  void startNode() throws Exception {
    node = RunningNode.start(root);
    api = node.api;
  }

  @AfterAll
  void stopNode() {
    if (node != null) node.close();
  }

  static long critical(Map<String, Long> byLevel) {
    return byLevel.getOrDefault("ERROR", 0L) + byLevel.getOrDefault("FATAL", 0L);
  }

  /** Fires on every node with stargate logs: MessageCatalog writes "RPC to ... failed with kTransportError" as ERROR. */
  private static final String RULE = "e2e-live-transport";
  private static final String RULE_JSON = "{\"id\": \"" + RULE + "\", \"title\": \"RPC transport errors\", "
      + "\"severity\": \"major\", \"match\": {\"query\": \"kTransportError\"}}";

  /**
   * Staging the tar.gz of zips outlasts opening the socket, so the subscription is in place
   * before the first record is parsed and every ERROR and FATAL record reaches it. A rule saved
   * before the analyze fires while it runs: each (rule, node) /logs/issues ends with came as one
   * rule_hit frame before the end, and the end came only once the final check was stored.
   */
  @Test
  void criticalRecordsArriveWhileTheBundleIsParsedAndAddUpToTheGeneratorsCounts() throws Exception {
    ApiClient.Answer rule = api.post("/rules", RULE_JSON);
    assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
    GeneratedBundle bundle = BundleGenerator.generate(BundleSpec.builder().nodes(3).seed(21).recordsPerNode(60_000)
        .layout(Layout.TAR_GZ_OF_ZIPS).build(), node.bundles.resolve("live.tar.gz"));
    Expected expected = bundle.expected();
    String id = api.analyze(bundle.path().toString());

    try (StreamClient client = StreamClient.open(api.ws("/logs/stream?log_bundle_id=" + id), true)) {
      client.await(type("record"), TIMEOUT);
      Instant firstRecordAt = Instant.now();
      String statusAtFirstRecord = api.get("/logs/job_status?log_bundle_id=" + id).body().path("job_status").asText();
      JsonNode end = client.await(type("end"), TIMEOUT);
      JsonNode issuesAtEnd = api.get("/logs/issues?log_bundle_id=" + id).body();
      JsonNode job = api.awaitEnd(id, TIMEOUT);

      assertThat(issuesAtEnd.path("check").path("is_final").asBoolean())
          .as("the end waits for the final rule check: %s", issuesAtEnd.path("check")).isTrue();
      assertRuleHitsMatchTheIssues(id, client.frames("rule_hit"), issuesAtEnd);
      assertThat(statusAtFirstRecord).isIn("queued", "inprogress");
      assertThat(firstRecordAt).isBefore(Instant.parse(job.path("end_time").asText()));
      assertThat(end.path("status").asText()).isEqualTo("completed");
      assertThat(client.ended.get(30, TimeUnit.SECONDS)).startsWith("close 1000");
      List<JsonNode> frames = client.frames();
      assertThat(frames.get(frames.size() - 1)).isEqualTo(end);

      assertThat(client.frames("dropped")).as("nothing was dropped").isEmpty();
      List<JsonNode> records = client.frames("record").stream().map(f -> f.path("record")).toList();
      assertThat((long) records.size()).isEqualTo(critical(expected.byLevel()));
      assertThat(records.stream().map(r -> r.path("id").asText()).distinct().count()).isEqualTo(records.size());
      assertThat(records.stream().map(r -> r.path("log_level").asText()).collect(Collectors.toSet()))
          .isSubsetOf(Set.of("ERROR", "FATAL"));
      assertThat(heatmapPerNode(client)).isEqualTo(criticalPerNode(expected));
      List<JsonNode> progress = client.frames("progress");
      assertThat(progress.get(progress.size() - 1).path("records").asLong()).isEqualTo(expected.total());

      JsonNode sample = records.get(records.size() / 2);
      JsonNode indexed = api.get("/logs/context?before=0&after=0&log_bundle_id=" + id + "&id="
          + sample.path("id").asText()).body().path("records").get(0);
      // Anomaly scores are computed once the bundle is complete: a frame streamed during ingest has none yet.
      ObjectNode streamed = sample.deepCopy();
      ObjectNode searched = indexed.deepCopy();
      for (ObjectNode r : List.of(streamed, searched)) r.remove(List.of("anomaly", "anomaly_reasons"));
      assertThat(streamed).as("a record frame holds what the search API shows").isEqualTo(searched);
      assertThat(sample.path("anomaly").asDouble()).isZero();
    }
  }

  /**
   * Every issue's (rule, node) came as exactly one rule_hit frame; the test rule's frames name the
   * nodes /logs/issues names, with evidence that is the node's kTransportError records, and a
   * frame of the final check carries the stored issue's evidence.
   */
  private void assertRuleHitsMatchTheIssues(String id, List<JsonNode> hits, JsonNode issues) {
    Map<String, JsonNode> framesByKey = new TreeMap<>();
    for (JsonNode hit : hits) {
      String key = hit.path("rule_id").asText() + " @ " + hit.path("node").asText("");
      assertThat(framesByKey.put(key, hit)).as("one frame per rule and node: %s", key).isNull();
    }
    Map<String, JsonNode> issuesByKey = new TreeMap<>();
    issues.path("issues").forEach(i -> issuesByKey.put(i.path("rule_id").asText() + " @ " + i.path("node").asText(""), i));
    assertThat(framesByKey.keySet()).as("a frame for every issue").containsAll(issuesByKey.keySet());

    Set<String> ruleNodes = issuesByKey.keySet().stream().filter(k -> k.startsWith(RULE + " @ ")).collect(Collectors.toSet());
    assertThat(ruleNodes).as("the test rule fired on every node").hasSize(3);
    assertThat(framesByKey.keySet().stream().filter(k -> k.startsWith(RULE + " @ ")).collect(Collectors.toSet()))
        .isEqualTo(ruleNodes);
    for (String key : ruleNodes) {
      JsonNode frame = framesByKey.get(key);
      JsonNode issue = issuesByKey.get(key);
      assertThat(frame.path("title").asText()).isEqualTo("RPC transport errors");
      assertThat(frame.path("severity").asText()).isEqualTo("major");
      assertThat(frame.path("rule_version").asInt()).isEqualTo(issue.path("rule_version").asInt());
      assertThat(frame.path("evidence").size()).isPositive();
      if (frame.path("is_final").asBoolean()) assertThat(frame.path("evidence")).isEqualTo(issue.path("evidence"));
      for (JsonNode evidence : frame.path("evidence")) {
        JsonNode record = api.get("/logs/context?before=0&after=0&log_bundle_id=" + id + "&id=" + evidence.asText())
            .body().path("records").get(0);
        assertThat(record.path("cvm_ip").asText()).isEqualTo(frame.path("node").asText());
        assertThat(record.path("message").asText()).contains("kTransportError");
      }
    }
    // evidence of an interim check is the first match among the files ingested by then: the
    // stored issue's first evidence record is never later than it
    for (String key : ruleNodes) {
      assertThat(Instant.parse(issuesByKey.get(key).path("first_time").asText()))
          .isBeforeOrEqualTo(Instant.parse(framesByKey.get(key).path("first_time").asText()));
    }
  }

  private static Map<String, Long> heatmapPerNode(StreamClient client) {
    Map<String, Long> perNode = new TreeMap<>();
    for (JsonNode delta : client.frames("heatmap_delta")) {
      assertThat(delta.path("min_level").asText()).isEqualTo("ERROR");
      delta.path("cells").forEach(c -> perNode.merge(c.path("cvm_ip").asText(), c.path("count").asLong(), Long::sum));
    }
    return perNode;
  }

  private static Map<String, Long> criticalPerNode(Expected expected) {
    Map<String, Long> perNode = new TreeMap<>();
    expected.byNodeServiceLevel().forEach((ip, services) ->
        services.values().forEach(levels -> perNode.merge(ip, critical(levels), Long::sum)));
    perNode.values().removeIf(n -> n == 0);
    return perNode;
  }

  @Test
  void anAnalyzedBundleGetsItsEndAtOnceAndTheSocketCloses() throws Exception {
    GeneratedBundle bundle = BundleGenerator.generate(BundleSpec.builder().nodes(1).seed(22).recordsPerNode(200)
        .layout(Layout.DIRECTORY).build(), node.bundles.resolve("done-dir"));
    String id = api.analyze(bundle.path().toString());
    assertThat(api.awaitEnd(id, TIMEOUT).path("job_status").asText()).isEqualTo("completed");

    try (StreamClient client = StreamClient.open(api.ws("/logs/stream?min_level=WARN&log_bundle_id=" + id), true)) {
      JsonNode end = client.await(type("end"), TIMEOUT);

      assertThat(end.path("status").asText()).isEqualTo("completed");
      assertThat(client.ended.get(30, TimeUnit.SECONDS)).startsWith("close 1000");
      assertThat(client.frames()).containsExactly(end);
    }
  }

  @Test
  void refusesPlainGetsUnknownBundlesAndBadLevelsWithJsonErrorsBeforeUpgrading() throws Exception {
    ApiClient.Answer plain = api.get("/logs/stream?log_bundle_id=b000000000000");
    assertThat(plain.status()).isEqualTo(400);
    assertThat(plain.body().path("error_msg").asText()).contains("WebSocket");
    assertThat(api.get("/logs/stream").body().path("param").asText()).isEqualTo("log_bundle_id");
    for (String level : List.of("LOUD", "UNKNOWN", "INFO", "TRACE")) {
      ApiClient.Answer bad = api.get("/logs/stream?log_bundle_id=b000000000000&min_level=" + level);
      assertThat(bad.status()).as(level).isEqualTo(400);
      assertThat(bad.body().path("param").asText()).as(level).isEqualTo("min_level");
    }

    String unknown = upgrade("/logs/stream?log_bundle_id=nosuchbundle");
    assertThat(unknown).startsWith("HTTP/1.1 404");
    JsonNode error = JSON.readTree(unknown.substring(unknown.indexOf("\r\n\r\n") + 4));
    assertThat(error.path("param").asText()).isEqualTo("log_bundle_id");
    assertThatThrownBy(() -> StreamClient.open(api.ws("/logs/stream?log_bundle_id=nosuchbundle"), true))
        .hasCauseInstanceOf(WebSocketHandshakeException.class)
        .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(404));
  }

  /** A WebSocket upgrade request written by hand (java.net.http hides a refused handshake's body). */
  private String upgrade(String pathAndQuery) throws Exception {
    int port = api.ws("/").getPort();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) throw new AssertionError("connection closed after " + head);
        head.write(b);
      }
      String headers = head.toString(StandardCharsets.US_ASCII);
      Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(headers);
      int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
      return headers + new String(in.readNBytes(bodyLength), StandardCharsets.UTF_8);
    }
  }
}
