package io.bundlescope.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.bundlescope.store.Database;
import io.bundlescope.store.DatabaseSettings;
import io.bundlescope.testbundles.BundleGenerator;
import io.bundlescope.testbundles.BundleSpec;
import io.bundlescope.testbundles.GeneratedBundle;
import io.bundlescope.testbundles.Layout;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster admin API on three real node JVMs sharing a PostgreSQL run by the test (so any
 * node may leave), with a real HAProxy in front for the drain: members and shard placement,
 * drain/undrain (placement, /health, HAProxy's NOLB state, the drained node's own bundles still
 * routed to it), a graceful leave whose analyzed bundle is indexed again elsewhere, and the
 * refusals. The tests share the cluster and hold in any order: each works on the nodes that have
 * not left at that time (one test makes a node leave).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterAdminTest {
  private static final Duration START = Duration.ofSeconds(120);
  private static final Duration END = Duration.ofSeconds(240);
  private static final List<String> JVM = List.of("-Xmx384m", "-XX:+UseSerialGC",
      "-Dbundlescope.ingest.parallelism=1",
      "-Dbundlescope.placement.ingest-bytes-unit=1MiB",
      "-Dpekko.cluster.split-brain-resolver.stable-after=3s");

  @TempDir(cleanup = CleanupMode.ON_SUCCESS) static Path root;
  private Path bundles;
  private Database db;
  private final List<NodeProcess> nodes = new ArrayList<>();
  private final Set<NodeProcess> left = ConcurrentHashMap.newKeySet();
  private final AtomicInteger seeds = new AtomicInteger(500);

  @BeforeAll
  void startCluster() throws Exception {
    bundles = Files.createDirectories(root.resolve("bundles"));
    db = Database.start(DatabaseSettings.embedded(root.resolve("pg"), FreePorts.next()));
    NodeProcess.startCluster(3, root, bundles, JVM, db, START, nodes);
    awaitTrue(() -> membersWithLoad(api(nodes.get(0))) == 3, "three Up members with a load report");
  }

  @AfterAll
  void stopCluster() throws Exception {
    try {
      for (int i = nodes.size() - 1; i >= 0; i--) nodes.get(i).close();
    } finally {
      if (db != null) db.close();
    }
  }

  @Test
  void membersAreListedByHttpNameUpWithTheirBundlesAndTheShardCoordinator() throws Exception {
    List<NodeProcess> live = live();
    GeneratedBundle bundle = small("listed");
    String id = api(live.get(0)).analyze(bundle.path().toString());
    String host = completedHost(api(live.get(0)), id);

    for (NodeProcess asked : live) {
      ApiClient.Answer answer = api(asked).get("/cluster/members");
      assertThat(answer.status()).isEqualTo(200);
      JsonNode body = answer.body();
      assertThat(body.path("self").asText()).isEqualTo(asked.name());
      Map<String, JsonNode> byName = new LinkedHashMap<>();
      body.path("members").forEach(m -> byName.put(m.path("node").asText(), m));
      assertThat(byName.keySet()).as("members as %s sees them", asked.name())
          .containsExactlyInAnyOrderElementsOf(live.stream().map(NodeProcess::name).toList());
      int coordinators = 0;
      for (NodeProcess n : live) {
        JsonNode m = byName.get(n.name());
        assertThat(m.path("address").asText()).isEqualTo(n.memberAddress());
        assertThat(m.path("status").asText()).isEqualTo("up");
        assertThat(m.path("reachable").asBoolean()).isTrue();
        assertThat(m.path("roles").toString()).contains("\"http:" + n.name() + "\"");
        if (m.path("coordinator").asBoolean()) {
          coordinators++;
          assertThat(body.path("coordinator").asText()).isEqualTo(n.name());
        }
      }
      assertThat(coordinators).as("exactly one member runs the shard coordinator").isEqualTo(1);
      JsonNode hostMember = byName.get(host);
      assertThat(hostMember.path("bundles_total").asLong()).isGreaterThanOrEqualTo(1);
      assertThat(hostMember.path("bundles_by_status").path("completed").asLong()).isGreaterThanOrEqualTo(1);
      List<String> hosted = new ArrayList<>();
      hostMember.path("bundles").forEach(b -> hosted.add(b.path("log_bundle_id").asText()));
      assertThat(hosted).as("bundles hosted by %s", host).contains(id);
      for (JsonNode m : byName.values()) {
        if (!m.path("node").asText().equals(host)) {
          m.path("bundles").forEach(b -> assertThat(b.path("log_bundle_id").asText()).isNotEqualTo(id));
        }
      }
    }
    awaitTrue(() -> {
      JsonNode shards = api(live.get(0)).get("/cluster/shards").body();
      for (JsonNode s : shards.path("shards")) {
        if (s.path("log_bundle_id").asText().equals(id)) return s.path("node").asText().equals(host);
      }
      return false;
    }, "GET /cluster/shards places bundle " + id + " on " + host);
  }

  @Test
  void downOfAReachableNodeIsRefusedWithoutForceAndBadRequestsNameTheirParameter() throws Exception {
    List<NodeProcess> live = live();
    ApiClient api = api(live.get(0));
    String other = live.get(live.size() - 1).name();

    ApiClient.Answer down = api.post("/cluster/members/" + other + "/down", null);
    assertThat(down.status()).isEqualTo(409);
    assertThat(down.body().path("param").asText()).isEqualTo("force");
    ApiClient.Answer unknown = api.post("/cluster/members/127.0.0.1:1/drain", null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().path("param").asText()).isEqualTo("node");
    ApiClient.Answer action = api.post("/cluster/members/" + other + "/reboot", null);
    assertThat(action.status()).isEqualTo(404);
    assertThat(action.body().path("param").asText()).isEqualTo("action");
    ApiClient.Answer force = api.post("/cluster/members/" + other + "/down?force=maybe", null);
    assertThat(force.status()).isEqualTo(400);
    assertThat(force.body().path("param").asText()).isEqualTo("force");

    JsonNode members = api.get("/cluster/members").body();
    List<String> statuses = new ArrayList<>();
    members.path("members").forEach(m -> statuses.add(m.path("status").asText()));
    assertThat(statuses).as("nobody was downed").containsOnly("up");
  }

  @Test
  void aDrainedNodeGetsNoNewBundleNorBalancedTrafficButAnswersForItsOwnBundlesUntilUndrained() throws Exception {
    List<NodeProcess> live = live();
    try (HaproxyProcess lb = new HaproxyProcess(root, nodes.stream().map(NodeProcess::name).toList())
        .start(Duration.ofSeconds(30))) {
      awaitTrue(() -> live.stream().allMatch(n -> opState(lb, n) == 2), "HAProxy sees every live node up; " + lb.log());
      ApiClient viaLb = new ApiClient(lb.port);
      GeneratedBundle own = small("drained-own");
      String ownId = viaLb.analyze(own.path().toString());
      String drainedName = completedHost(viaLb, ownId);
      NodeProcess drained = live.stream().filter(n -> n.name().equals(drainedName)).findFirst().orElseThrow();
      List<NodeProcess> others = live.stream().filter(n -> n != drained).toList();
      awaitTrue(() -> lb.showMap().contains(ownId + " " + drainedName), "HAProxy learned the owner of " + ownId);

      // Asked on another node: the drain reaches the named node through the cluster.
      ApiClient.Answer drain = api(others.get(0)).post("/cluster/members/" + drainedName + "/drain", null);
      assertThat(drain.status()).as(String.valueOf(drain.body())).isEqualTo(200);
      assertThat(drain.body().path("draining").asBoolean()).isTrue();
      ApiClient.Answer health = api(drained).get("/health");
      assertThat(health.status()).isEqualTo(404);
      assertThat(health.body().path("status").asText()).isEqualTo("draining");
      awaitTrue(() -> coordinatorSeesDraining(drainedName, true), "the coordinator sees " + drainedName + " draining");
      awaitTrue(() -> opState(lb, drained) == 3, "HAProxy puts the drained node in NOLB; " + lb.log());

      Map<String, GeneratedBundle> burst = new LinkedHashMap<>();
      for (int i = 0; i < 6; i++) {
        GeneratedBundle b = small("while-drained-" + i);
        burst.put(viaLb.analyze(b.path().toString()), b);
      }
      Set<String> hosts = new HashSet<>();
      for (String id : burst.keySet()) hosts.add(completedHost(viaLb, id));
      assertThat(hosts).as("the burst went to the other nodes only")
          .containsExactlyInAnyOrderElementsOf(others.stream().map(NodeProcess::name).toList());

      for (int i = 0; i < 4 * live.size(); i++) {
        assertThat(viaLb.get("/cluster/load").header("X-Served-By")).as("balanced requests skip the drained node")
            .isNotEqualTo(drainedName);
      }
      for (int i = 0; i < 3; i++) {
        ApiClient.Answer search = viaLb.send(HttpRequest.newBuilder(
            URI.create(viaLb.base() + "/logs/search?limit=1&log_bundle_id=" + ownId)).header("X-Log-Bundle-Id", ownId).build());
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body().path("total").asLong()).isEqualTo(own.expected().total());
        assertThat(search.header("X-Served-By")).as("the drained node answers for its bundle").isEqualTo(drainedName);
        assertThat(search.header("X-Relayed-By")).as("routed straight to it by HAProxy").isNull();
        ApiClient.Answer byHeader = viaLb.send(HttpRequest.newBuilder(URI.create(viaLb.base() + "/health"))
            .header("X-Log-Bundle-Id", ownId).build());
        assertThat(byHeader.header("X-Served-By")).as("routed by X-Log-Bundle-Id alone").isEqualTo(drainedName);
        assertThat(byHeader.body().path("status").asText()).isEqualTo("draining");
      }
      JsonNode member = memberOn(api(others.get(0)), drainedName);
      assertThat(member.path("draining").asBoolean()).isTrue();
      assertThat(member.path("status").asText()).isEqualTo("up");

      ApiClient.Answer undrain = api(others.get(others.size() - 1)).post("/cluster/members/" + drainedName + "/undrain", null);
      assertThat(undrain.status()).isEqualTo(200);
      assertThat(undrain.body().path("draining").asBoolean()).isFalse();
      assertThat(api(drained).get("/health").status()).isEqualTo(200);
      awaitTrue(() -> coordinatorSeesDraining(drainedName, false), "the coordinator sees " + drainedName + " undrained");
      awaitTrue(() -> opState(lb, drained) == 2, "HAProxy balances to the undrained node again; " + lb.log());
      // It has fewer bundles than the others now: it gets some of the next burst.
      Set<String> after = new HashSet<>();
      List<String> next = new ArrayList<>();
      for (int i = 0; i < 6; i++) next.add(viaLb.analyze(small("after-undrain-" + i).path().toString()));
      for (String id : next) after.add(completedHost(viaLb, id));
      assertThat(after).as("bundles placed after the undrain").contains(drainedName);
    }
  }

  @Test
  void aNodeThatLeavesShutsDownAndItsAnalyzedBundleIsIndexedAgainElsewhereWithExactCounts() throws Exception {
    List<NodeProcess> live = live();
    assertThat(live).as("a node can leave while another stays").hasSizeGreaterThan(1);
    GeneratedBundle bundle = BundleGenerator.generate(BundleSpec.builder().nodes(3).recordsPerNode(400)
        .seed(seeds.incrementAndGet()).layout(Layout.TAR_GZ_OF_ZIPS).build(), bundles.resolve("leaving.tar.gz"));
    String id = api(live.get(0)).analyze(bundle.path().toString());
    String hostName = completedHost(api(live.get(0)), id);
    NodeProcess leaving = live.stream().filter(n -> n.name().equals(hostName)).findFirst().orElseThrow();
    NodeProcess survivor = live.stream().filter(n -> n != leaving).findFirst().orElseThrow();

    ApiClient.Answer leave = api(survivor).post("/cluster/members/" + hostName + "/leave", null);
    assertThat(leave.status()).as(String.valueOf(leave.body())).isEqualTo(200);
    left.add(leaving);
    assertThat(leaving.awaitExit(END)).as("the node shut down after leaving; see " + leaving.log()).isTrue();
    awaitTrue(() -> {
      List<String> names = new ArrayList<>();
      api(survivor).get("/cluster/members").body().path("members").forEach(m -> names.add(m.path("node").asText()));
      return !names.contains(hostName);
    }, "the member " + hostName + " is gone");

    JsonNode status = api(survivor).awaitCompletedAwayFrom(id, hostName, END);
    assertThat(status.path("progress").path("records").asLong()).isEqualTo(bundle.expected().total());
    assertThat(api(survivor).get("/logs/search?limit=1&log_bundle_id=" + id).body().path("total").asLong())
        .isEqualTo(bundle.expected().total());
    assertThat(api(survivor).counts(id, "cvm_ip")).isEqualTo(bundle.expected().byCvmIp());
    assertThat(api(survivor).counts(id, "log_level")).isEqualTo(bundle.expected().byLevel());
  }

  // ---------------------------------------------------------------------------------------------

  private List<NodeProcess> live() {
    return nodes.stream().filter(n -> !left.contains(n)).toList();
  }

  private static ApiClient api(NodeProcess node) {
    return new ApiClient(node.httpPort);
  }

  private GeneratedBundle small(String name) throws Exception {
    return BundleGenerator.generate(BundleSpec.builder().nodes(2).recordsPerNode(300).seed(seeds.incrementAndGet())
        .layout(Layout.TAR_GZ_OF_ZIPS).build(), bundles.resolve(name + ".tar.gz"));
  }

  private static String completedHost(ApiClient api, String id) throws InterruptedException {
    JsonNode status = api.awaitEnd(id, END);
    assertThat(status.path("job_status").asText()).as("bundle %s: %s", id, status).isEqualTo("completed");
    return status.path("hosting_worker_vm_ip").asText();
  }

  private static int membersWithLoad(ApiClient api) {
    JsonNode body = api.get("/cluster/members").body();
    int n = 0;
    for (JsonNode m : body.path("members")) {
      if (m.path("status").asText().equals("up") && m.path("load").isObject()) n++;
    }
    return n;
  }

  private static JsonNode memberOn(ApiClient api, String name) {
    for (JsonNode m : api.get("/cluster/members").body().path("members")) {
      if (m.path("node").asText().equals(name)) return m;
    }
    return fail("no member " + name);
  }

  /** What the placement uses: the draining flag in the coordinator's own view of the reports. */
  private boolean coordinatorSeesDraining(String name, boolean draining) {
    ApiClient any = api(live().get(0));
    String coordinator = any.get("/cluster/members").body().path("coordinator").asText();
    NodeProcess c = live().stream().filter(n -> n.name().equals(coordinator)).findFirst().orElseThrow();
    return memberOn(api(c), name).path("draining").asBoolean() == draining;
  }

  private static int opState(HaproxyProcess lb, NodeProcess node) {
    try {
      return lb.opState(node.name());
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  private static void awaitTrue(Await.Check check, String what) throws Exception {
    Await.until(check, END, what);
  }
}
