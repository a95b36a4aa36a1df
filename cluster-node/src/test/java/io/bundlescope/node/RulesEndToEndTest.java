package io.bundlescope.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.bundlescope.testbundles.BundleGenerator;
import io.bundlescope.testbundles.BundleSpec;
import io.bundlescope.testbundles.GeneratedBundle;
import io.bundlescope.testbundles.Layout;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known-issue rules end to end on a real node: rules saved through the API, a generated bundle
 * with injected failures (and near misses) analyzed, exactly the injected issues flagged with
 * their records as evidence; then editing, re-checking, drafting from a record, export/import.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulesEndToEndTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final String A = "10.1.2.10";
  private static final String B = "10.1.2.11";
  private static final String DISK_FULL = "failed: No space left on device";

  private static final String RULES = """
      [
        {"id": "e2e-disk-full", "title": "Data disk full", "severity": "critical",
         "scope": {"services": ["disk_manager"]},
         "match": {"query": "\\"no space left on device\\"", "levels": ["ERROR"]},
         "condition": {"min_count": 3, "window": "1m", "per": "node"},
         "kb": "https://kb.bundlescope.local/rules/e2e-disk-full", "remediation": "Free space."},
        {"id": "e2e-zk-then-exit", "title": "Session lost, then the watcher exits", "severity": "major",
         "scope": {"services": ["cluster_watch"]},
         "match": {"query": "\\"session expired\\""},
         "condition": {"followed_by": {"match": {"query": "exiting", "levels": ["FATAL"]}, "within": "1m"}}},
        {"id": "e2e-connect-storm", "title": "Connection failures across the cluster", "severity": "minor",
         "match": {"template": "Failed to connect to <*> after <*> attempts"},
         "condition": {"min_count": 2, "window": "5m", "per": "cluster"}}
      ]""";

  @TempDir static Path root;
  private RunningNode node;
  private ApiClient api;
  private String id;
  /** Injected message -> node, to recognize evidence. */
  private final Map<String, String> injected = new TreeMap<>();

  @BeforeAll
  void analyzeABundleWithInjectedFailures() throws Exception {
    node = RunningNode.start(root);
    api = node.api;
    for (JsonNode rule : ApiClient.JSON_MAPPER.readTree(RULES)) {
      ApiClient.Answer created = api.post("/rules", rule.toString());
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
    GeneratedBundle bundle = BundleGenerator.generate(BundleSpec.builder().nodes(2).seed(21).recordsPerNode(400)
        .layout(Layout.DIRECTORY).startTime(Instant.parse("2026-11-30T00:00:00Z")).duration(Duration.ofHours(6))
        .build(), node.bundles.resolve("incident"));
    inject(bundle.path(), A, "disk_manager.out",
        line("03:10:00,100", "ERROR", "Write to /home/nutanix/data/disks/SN1/f1 " + DISK_FULL),
        line("03:10:10,200", "ERROR", "Write to /home/nutanix/data/disks/SN1/f2 " + DISK_FULL),
        line("03:10:20,300", "ERROR", "Write to /home/nutanix/data/disks/SN1/f3 " + DISK_FULL),
        line("03:30:00,000", "ERROR", "Failed to connect to 10.1.2.12:9160 after 3 attempts"),
        line("05:00:00,000", "ERROR", "Write to /home/nutanix/data/disks/SN1/f4 " + DISK_FULL));
    inject(bundle.path(), B, "disk_manager.out",
        line("03:11:00,000", "ERROR", "Write to /home/nutanix/data/disks/SN2/g1 " + DISK_FULL),
        line("03:21:00,000", "ERROR", "Write to /home/nutanix/data/disks/SN2/g2 " + DISK_FULL),
        line("03:31:00,000", "ERROR", "Failed to connect to 10.1.2.13:9160 after 5 attempts"));
    inject(bundle.path(), A, "cluster_watch.out",
        line("03:20:00,000", "WARNING", "ZooKeeper session expired, reconnecting"),
        line("03:20:40,000", "CRITICAL", "Exiting: lost quorum connection"));
    inject(bundle.path(), B, "cluster_watch.out",
        line("04:00:00,000", "WARNING", "ZooKeeper session expired, reconnecting"),
        line("04:05:00,000", "CRITICAL", "Exiting: lost quorum connection"));
    id = api.analyze(bundle.path().toString());
    assertThat(api.awaitEnd(id, TIMEOUT).path("job_status").asText()).isEqualTo("completed");
  }

  @AfterAll
  void stopNode() {
    if (node != null) node.close();
  }

  private String line(String time, String level, String message) {
    return "2026-11-30 " + time + "Z " + level + " 4242 watcher.py:88 " + message;
  }

  private void inject(Path bundleDir, String ip, String file, String... lines) throws IOException {
    Path nodeDir;
    try (Stream<Path> dirs = Files.list(bundleDir)) {
      nodeDir = dirs.filter(d -> d.getFileName().toString().endsWith("-PE-" + ip)).findFirst().orElseThrow();
    }
    Files.write(nodeDir.resolve(file), List.of(lines));
    for (String l : lines) injected.put(l.substring(l.indexOf(".py:88 ") + 7), ip);
  }

  private JsonNode finalIssues() throws InterruptedException {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      ApiClient.Answer a = api.get("/logs/issues?log_bundle_id=" + id);
      assertThat(a.status()).isEqualTo(200);
      if (a.body().path("check").path("is_final").asBoolean(false)) return a.body();
      Thread.sleep(200);
    }
    throw new AssertionError("no final rule check of " + id);
  }

  /** The issues of the rules this class saved before the bundle was analyzed, in the answer's order. */
  private List<JsonNode> e2eIssues(JsonNode answer) {
    return issuesOf(answer, "e2e-disk-full", "e2e-zk-then-exit", "e2e-connect-storm");
  }

  private static List<JsonNode> issuesOf(JsonNode answer, String... ruleIds) {
    List<String> wanted = List.of(ruleIds);
    List<JsonNode> found = new ArrayList<>();
    answer.path("issues").forEach(i -> {
      if (wanted.contains(i.path("rule_id").asText())) found.add(i);
    });
    return found;
  }

  /** The message of a record, through /logs/context. */
  private String message(String recordId) {
    ApiClient.Answer a = api.get("/logs/context?before=0&after=0&log_bundle_id=" + id + "&id=" + recordId);
    assertThat(a.status()).isEqualTo(200);
    return a.body().path("records").get(a.body().path("target_index").asInt()).path("message").asText();
  }

  private List<String> evidenceMessages(JsonNode issue) {
    List<String> messages = new ArrayList<>();
    issue.path("evidence").forEach(e -> messages.add(message(e.asText())));
    return messages;
  }

  @Test
  void exactlyTheInjectedFailuresAreFlaggedWithTheirRecordsAsEvidence() throws Exception {
    JsonNode answer = finalIssues();
    List<JsonNode> issues = e2eIssues(answer);
    assertThat(issues).extracting(i -> i.path("rule_id").asText(), i -> i.path("node").asText(null))
        .containsExactly(tuple("e2e-disk-full", A), tuple("e2e-zk-then-exit", A), tuple("e2e-connect-storm", null));
    JsonNode disk = issues.get(0);
    assertThat(disk.path("severity").asText()).isEqualTo("critical");
    assertThat(disk.path("count").asLong()).isEqualTo(4);
    assertThat(disk.path("peak").asInt()).isEqualTo(3);
    assertThat(disk.path("first_time").asText()).isEqualTo("2026-11-30T03:10:00.100Z");
    assertThat(disk.path("kb").asText()).isEqualTo("https://kb.bundlescope.local/rules/e2e-disk-full");
    assertThat(evidenceMessages(disk)).containsExactly("Write to /home/nutanix/data/disks/SN1/f1 " + DISK_FULL,
        "Write to /home/nutanix/data/disks/SN1/f2 " + DISK_FULL, "Write to /home/nutanix/data/disks/SN1/f3 " + DISK_FULL);
    assertThat(evidenceMessages(issues.get(1)))
        .containsExactly("ZooKeeper session expired, reconnecting", "Exiting: lost quorum connection");
    assertThat(evidenceMessages(issues.get(2))).containsExactly("Failed to connect to 10.1.2.12:9160 after 3 attempts",
        "Failed to connect to 10.1.2.13:9160 after 5 attempts");
    assertThat(answer.path("check").path("rules_checked").asInt()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void anEditedRuleIsVersionedAndARecheckAppliesIt() throws Exception {
    finalIssues();
    String narrow = """
        {"id": "e2e-edit", "title": "Disk full (edited)", "severity": "major", "scope": {"services": ["disk_manager"]},
         "match": {"query": "\\"no space left on device\\""}, "condition": {"min_count": 3, "window": "1m"}}""";
    assertThat(api.post("/rules", narrow).status()).isEqualTo(201);
    JsonNode checked = api.post("/logs/issues/check?log_bundle_id=" + id, null).body();
    assertThat(issuesOf(checked, "e2e-edit")).extracting(i -> i.path("node").asText()).containsExactly(A);

    String wider = narrow.replace("\"min_count\": 3", "\"min_count\": 2").replace("\"1m\"", "\"15m\"")
        .replace("\"id\": \"e2e-edit\",", "\"id\": \"e2e-edit\", \"version\": 1,");
    ApiClient.Answer put = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/rules/e2e-edit"))
        .header("X-Bundlescope-User", "alice").PUT(HttpRequest.BodyPublishers.ofString(wider)).build());
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    assertThat(put.body().path("rule").path("version").asInt()).isEqualTo(2);

    ApiClient.Answer stale = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/rules/e2e-edit"))
        .PUT(HttpRequest.BodyPublishers.ofString(wider)).build());
    assertThat(stale.status()).isEqualTo(409);

    JsonNode history = api.get("/rules/e2e-edit/history").body().path("versions");
    assertThat(history).extracting(v -> v.path("change").asText()).containsExactly("created", "updated");
    assertThat(history.get(1).path("changed_by").asText()).isEqualTo("alice");

    JsonNode rechecked = api.post("/logs/issues/check?log_bundle_id=" + id, null).body();
    assertThat(issuesOf(rechecked, "e2e-edit")).extracting(i -> i.path("node").asText()).containsExactlyInAnyOrder(A, B);
    assertThat(issuesOf(rechecked, "e2e-edit")).allSatisfy(i -> assertThat(i.path("rule_version").asInt()).isEqualTo(2));
  }

  @Test
  void aDraftFromARecordGeneralizesItAndBacktestsIt() throws Exception {
    JsonNode disk = e2eIssues(finalIssues()).get(0);
    String recordId = disk.path("evidence").get(0).asText();
    ApiClient.Answer draft = api.post("/rules/draft?log_bundle_id=" + id + "&record_id=" + recordId, null);
    assertThat(draft.status()).as(draft.toString()).isEqualTo(200);
    JsonNode rule = draft.body().path("rule");
    assertThat(rule.path("match").path("template").asText()).isEqualTo("Write to <*> failed: No space left on device");
    assertThat(rule.path("scope").path("services")).extracting(JsonNode::asText).containsExactly("disk_manager");
    JsonNode test = draft.body().path("bundles").get(0);
    assertThat(test.path("log_bundle_id").asText()).isEqualTo(id);
    assertThat(test.path("matches").asLong()).isEqualTo(6);
    assertThat(test.path("hits")).extracting(h -> h.path("node").asText()).containsExactlyInAnyOrder(A, B);
    assertThat(test.path("samples")).hasSize(5);

    ApiClient.Answer saved = api.post("/rules", rule.toString());
    assertThat(saved.status()).isEqualTo(201);
    ApiClient.Answer again = api.post("/rules/draft?log_bundle_id=" + id + "&record_id=" + recordId, null);
    assertThat(again.body().path("rule").path("id").asText()).isEqualTo(rule.path("id").asText() + "-2");
  }

  @Test
  void eachRecordCarriesItsTemplateAndTheBundlesTemplatesAreListed() {
    ApiClient.Answer answer = api.get("/logs/templates?service=disk_manager&log_bundle_id=" + id);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode diskFull = null;
    for (JsonNode t : answer.body().path("templates")) {
      if (t.path("template").asText().contains("No space left on device")) diskFull = t;
    }
    assertThat(diskFull).as(answer.body().toString()).isNotNull();
    assertThat(diskFull.path("count").asLong()).isEqualTo(6);
    assertThat(diskFull.path("nodes")).extracting(JsonNode::asText).containsExactly(A, B);
    assertThat(diskFull.path("services")).extracting(JsonNode::asText).containsExactly("disk_manager");
    assertThat(diskFull.path("first_time").asText()).isEqualTo("2026-11-30T03:10:00.100Z");
    assertThat(diskFull.path("new_in_bundle").asBoolean()).isTrue();

    long templateId = diskFull.path("template_id").asLong();
    JsonNode records = api.get("/logs/search?template_id=" + templateId + "&log_bundle_id=" + id).body();
    assertThat(records.path("total").asLong()).isEqualTo(6);
    records.path("records").forEach(r -> assertThat(r.path("template_id").asLong()).isEqualTo(templateId));
    JsonNode byTemplate = api.get("/logs/aggregate?group_by=template_id&service=disk_manager&log_bundle_id=" + id).body();
    assertThat(byTemplate.path("buckets")).anySatisfy(b -> {
      assertThat(b.path("key").asText()).isEqualTo(Long.toString(templateId));
      assertThat(b.path("count").asLong()).isEqualTo(6);
    });
  }

  @Test
  void rulesTravelAsAYamlFileAndComeBackOnImport() {
    api.post("/rules", "{\"id\": \"e2e-export\", \"title\": \"Export me\", \"severity\": \"info\", \"match\": {\"query\": \"zzz\"}}");
    ApiClient.Text yaml = api.getText("/rules/export");
    assertThat(yaml.status()).isEqualTo(200);
    assertThat(yaml.header("Content-Disposition")).contains("bundlescope-rules.yaml");
    assertThat(yaml.body()).startsWith("rules:").contains("id: e2e-export").contains("window: 5m");
    ApiClient.Answer deleted = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/rules/e2e-export")).DELETE().build());
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(api.get("/rules/e2e-export").status()).isEqualTo(404);

    ApiClient.Answer imported = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/rules/import"))
        .POST(HttpRequest.BodyPublishers.ofString(yaml.body())).build());
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.body().path("created")).extracting(JsonNode::asText).contains("e2e-export");
    assertThat(imported.body().path("unchanged")).extracting(JsonNode::asText).contains("e2e-connect-storm");
    assertThat(api.get("/rules/e2e-export").body().path("rule").path("version").asInt()).isEqualTo(3);
  }

  @Test
  void badRulesAndUnknownThingsAreClearErrors() {
    ApiClient.Answer bad = api.post("/rules", "{\"id\": \"Bad Id\", \"severity\": \"dire\", \"match\": {}}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("param").asText()).isEqualTo("body");
    assertThat(bad.body().path("error_msg").asText()).contains("severity");
    ApiClient.Answer badQuery = api.post("/rules", "{\"id\": \"q\", \"title\": \"Q\", \"severity\": \"minor\", \"match\": {\"query\": \"AND OR (\"}}");
    assertThat(badQuery.status()).isEqualTo(400);
    assertThat(badQuery.body().path("error_msg").asText()).contains("match.query");
    assertThat(api.post("/rules", "not json").status()).isEqualTo(400);
    ApiClient.Answer dup = api.post("/rules", "{\"id\": \"e2e-connect-storm\", \"title\": \"x\", \"severity\": \"minor\", \"match\": {\"query\": \"x\"}}");
    assertThat(dup.status()).isEqualTo(409);
    assertThat(api.get("/rules/no-such-rule").status()).isEqualTo(404);
    assertThat(api.get("/logs/issues?log_bundle_id=nosuchbundle").status()).isEqualTo(404);
    assertThat(api.get("/logs/issues").body().path("param").asText()).isEqualTo("log_bundle_id");
    assertThat(api.post("/rules/draft?log_bundle_id=" + id + "&record_id=nosuchrecord", null).status()).isEqualTo(404);
    assertThat(api.post("/rules/import", "rules: [{id: x}]").status()).isEqualTo(400);
  }
}
