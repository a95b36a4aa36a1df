package io.bundlescope.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.bundlescope.testbundles.BundleGenerator;
import io.bundlescope.testbundles.BundleSpec;
import io.bundlescope.testbundles.GeneratedBundle;
import io.bundlescope.testbundles.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real {@code bundlescope run} JVMs on loopback form one cluster: the first with its
 * embedded PostgreSQL on a fixed port, the others joining it with {@code --seed} and using that
 * database with {@code --db-url}; each keeps its own index. New bundles go to the least loaded
 * live node (hosting_worker_vm_ip tells where), and any node answers for any bundle.
 *
 * <p>The tests share the cluster and hold in any order: each waits for its bundles to end, and
 * assertions are about the nodes alive at that time (one test kills a node).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreeNodeClusterTest {
  private static final Duration START = Duration.ofSeconds(120);
  private static final Duration END = Duration.ofSeconds(180);
  /**
   * One parse slot per node, so that a big bundle keeps its node busy for a while; 1 MiB of
   * bytes to ingest weighs as much as a busy CPU, so that on one machine (where every node sees
   * the same CPU load) a node ingesting the big bundle is clearly the most loaded; the split
   * brain resolver decides 3 s after a node became unreachable.
   */
  private static final List<String> JVM = List.of("-Xmx512m", "-XX:+UseSerialGC",
      "-Dbundlescope.ingest.parallelism=1",
      "-Dbundlescope.placement.ingest-bytes-unit=1MiB",
      "-Dpekko.cluster.split-brain-resolver.stable-after=3s");

  @TempDir(cleanup = CleanupMode.ON_SUCCESS) static Path root;
  private Path bundles;
  private final List<NodeProcess> nodes = new ArrayList<>();
  private final Map<NodeProcess, ApiClient> apis = new LinkedHashMap<>();
  private final Set<NodeProcess> killed = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final AtomicInteger seeds = new AtomicInteger(100);

  @BeforeAll
  void startCluster() throws Exception {
    bundles = Files.createDirectories(root.resolve("bundles"));
    int dbPort = FreePorts.next();
    NodeProcess first = new NodeProcess(root, root.resolve("n1"), bundles, JVM, List.of("--db-port", String.valueOf(dbPort)));
    nodes.add(first);
    apis.put(first, first.start(START));
    List<String> joining = List.of("--seed", "127.0.0.1:" + first.clusterPort,
        "--db-url", "jdbc:postgresql://localhost:" + dbPort + "/postgres", "--db-user", "postgres", "--db-password", "");
    NodeProcess second = new NodeProcess(root, root.resolve("n2"), bundles, JVM, joining);
    NodeProcess third = new NodeProcess(root, root.resolve("n3"), bundles, JVM, joining);
    nodes.add(second);
    nodes.add(third);
    CompletableFuture<ApiClient> a2 = startAsync(second);
    CompletableFuture<ApiClient> a3 = startAsync(third);
    apis.put(second, a2.join());
    apis.put(third, a3.join());
    awaitCoordinatorSees(n -> n.path("live").asBoolean() && n.has("report") && !n.path("report").isNull(), 3,
        "every node live with a load report");
  }

  @AfterAll
  void stopCluster() throws Exception {
    for (int i = nodes.size() - 1; i >= 0; i--) nodes.get(i).close(); // the database's node last
  }

  @Test
  void aBurstOfBundlesSpreadsOverEveryLiveNodeAndAnyNodeAnswersForEach() throws Exception {
    List<NodeProcess> live = live();
    List<GeneratedBundle> burst = new ArrayList<>();
    for (int i = 0; i < 6; i++) burst.add(small("burst-" + i));

    Map<String, GeneratedBundle> ids = new LinkedHashMap<>();
    for (int i = 0; i < burst.size(); i++) {
      ids.put(api(live.get(i % live.size())).analyze(burst.get(i).path().toString()), burst.get(i));
    }
    Map<String, String> hosts = awaitAllEnd(ids.keySet());

    assertThat(Set.copyOf(hosts.values())).as("every live node got some of the burst: %s", hosts)
        .containsExactlyInAnyOrderElementsOf(live.stream().map(NodeProcess::name).toList());
    for (var e : ids.entrySet()) {
      String host = hosts.get(e.getKey());
      for (NodeProcess asked : live) {
        ApiClient.Answer search = api(asked).get("/logs/search?limit=3&log_bundle_id=" + e.getKey());
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body().path("total").asLong()).as("bundle %s asked on %s", e.getKey(), asked.name())
            .isEqualTo(e.getValue().expected().total());
        assertThat(search.header("X-Served-By")).as("answered by the bundle's node").isEqualTo(host);
        ApiClient.Answer histogram = api(asked).get("/logs/aggregate?group_by=time&log_bundle_id=" + e.getKey());
        assertThat(histogram.body().path("total").asLong()).isEqualTo(e.getValue().expected().total());
        assertThat(histogram.header("X-Served-By")).isEqualTo(host);
        ApiClient.Answer heatmap = api(asked).get("/logs/heatmap?log_bundle_id=" + e.getKey());
        assertThat(heatmap.header("X-Served-By")).isEqualTo(host);
        ApiClient.Text export = api(asked).getText("/logs/export?log_bundle_id=" + e.getKey());
        assertThat((long) export.body().split("\n").length).isEqualTo(e.getValue().expected().total());
        assertThat(export.header("X-Served-By")).as("export streamed from the bundle's node").isEqualTo(host);
        String recordId = search.body().path("records").get(0).path("id").asText();
        ApiClient.Answer context = api(asked).get("/logs/context?log_bundle_id=" + e.getKey() + "&id=" + recordId);
        assertThat(context.status()).isEqualTo(200);
        assertThat(context.header("X-Served-By")).isEqualTo(host);
      }
      assertThat(api(live.get(0)).counts(e.getKey(), "service")).isEqualTo(e.getValue().expected().byService());
    }
  }

  @Test
  void aBusyNodeGetsNoNewBundleWhileAnotherIsIdle() throws Exception {
    List<NodeProcess> live = live();
    GeneratedBundle big = BundleGenerator.generate(BundleSpec.builder().nodes(3).recordsPerNode(100_000)
        .seed(seeds.incrementAndGet()).layout(Layout.TAR_GZ_OF_ZIPS).build(), bundles.resolve("big.tar.gz"));
    ApiClient any = api(live.get(0));
    String bigId = any.analyze(big.path().toString());
    String busy = awaitStarted(any, bigId).path("hosting_worker_vm_ip").asText();
    NodeProcess busyNode = live.stream().filter(n -> n.name().equals(busy)).findFirst().orElseThrow();
    awaitCoordinatorSees(n -> n.path("node").asText().equals(busyNode.memberAddress())
        && n.path("report").path("bundles").toString().contains(bigId)
        && n.path("report").path("ingest_bytes").asLong() > 0, 1, "the busy node's report showing the big bundle");

    List<String> smallIds = new ArrayList<>();
    for (int i = 0; i < 2; i++) smallIds.add(any.analyze(small("while-busy-" + i).path().toString()));
    Map<String, String> smallHosts = new HashMap<>();
    for (String id : smallIds) smallHosts.put(id, awaitStarted(any, id).path("hosting_worker_vm_ip").asText());
    String bigStatus = any.get("/logs/job_status?log_bundle_id=" + bigId).body().path("job_status").asText();

    assertThat(bigStatus).as("precondition: the big bundle was still ingesting while the others were placed")
        .isEqualTo("inprogress");
    assertThat(smallHosts.values()).as("bundles placed while %s was busy", busy).doesNotContain(busy);
    JsonNode bigDone = any.awaitEnd(bigId, END);
    assertThat(bigDone.path("progress").path("records").asLong()).isEqualTo(big.expected().total());
    assertThat(any.counts(bigId, "cvm_ip")).as("asked on %s, hosted on %s", live.get(0).name(), busy)
        .isEqualTo(big.expected().byCvmIp());
    awaitAllEnd(smallIds);
  }

  /**
   * A WebSocket on each node follows the same bundle: the node parsing it publishes on the
   * bundle's topic and every other node relays it (never forwarded to the owner). A remote
   * subscription reaches the publisher through the receptionist a moment later, so only the
   * owner's own client is sure to get every record; each gets records and the end.
   */
  @Test
  void aWebSocketOnEveryNodeFollowsABundleWhereverItIsParsed() throws Exception {
    List<NodeProcess> live = live();
    GeneratedBundle bundle = BundleGenerator.generate(BundleSpec.builder().nodes(3).recordsPerNode(30_000)
        .seed(seeds.incrementAndGet()).layout(Layout.TAR_GZ_OF_ZIPS).build(), bundles.resolve("followed.tar.gz"));
    String id = api(live.get(0)).analyze(bundle.path().toString());
    Map<String, StreamClient> clients = new LinkedHashMap<>();
    try {
      for (NodeProcess n : live) clients.put(n.name(), StreamClient.open(api(n).ws("/logs/stream?log_bundle_id=" + id), true));
      String host = awaitAllEnd(List.of(id)).get(id);

      long critical = LiveStreamEndToEndTest.critical(bundle.expected().byLevel());
      for (var c : clients.entrySet()) {
        JsonNode end = c.getValue().await(StreamClient.type("end"), END);
        assertThat(end.path("status").asText()).as("end on %s", c.getKey()).isEqualTo("completed");
        assertThat(c.getValue().frames("record")).as("records on %s", c.getKey()).isNotEmpty()
            .allSatisfy(f -> assertThat(f.path("record").path("log_bundle_id").asText()).isEqualTo(id));
      }
      StreamClient owners = clients.get(host);
      if (owners.frames("dropped").isEmpty()) assertThat((long) owners.frames("record").size()).isEqualTo(critical);
    } finally {
      clients.values().forEach(StreamClient::close);
    }
  }

  @Test
  void aKilledNodeGetsNoBundleOnceTheClusterNoticedAndTheOthersServeOn() throws Exception {
    NodeProcess victim = live().get(live().size() - 1);
    assertThat(victim).as("never the first node: it holds the database").isNotSameAs(nodes.get(0));
    killed.add(victim);
    victim.kill9();
    awaitCoordinatorSees(n -> n.path("node").asText().equals(victim.memberAddress()) && !n.path("live").asBoolean(), 1,
        "the killed node no longer live");

    List<NodeProcess> live = live();
    Map<String, GeneratedBundle> ids = new LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      GeneratedBundle b = small("after-kill-" + i);
      ids.put(api(live.get(i % live.size())).analyze(b.path().toString()), b);
    }
    Map<String, String> hosts = awaitAllEnd(ids.keySet());

    assertThat(hosts.values()).as("placements after %s was killed", victim.name()).doesNotContain(victim.name());
    for (var e : ids.entrySet()) {
      assertThat(api(live.get(0)).get("/logs/search?limit=1&log_bundle_id=" + e.getKey()).body().path("total").asLong())
          .isEqualTo(e.getValue().expected().total());
    }
  }

  @Test
  void haproxyRoutesEachBundleToItsNodeAndBalancesEverythingElse() throws Exception {
    List<NodeProcess> live = live();
    try (HaproxyProcess lb = new HaproxyProcess(root, nodes.stream().map(NodeProcess::name).toList())
        .start(Duration.ofSeconds(30))) {
      awaitTrue(() -> live.stream().allMatch(n -> isUp(lb, n)), "HAProxy's checks see every live node up; " + lb.log());
      ApiClient api = new ApiClient(lb.port);

      Set<String> servedBy = new java.util.HashSet<>();
      for (int i = 0; i < 3 * live.size(); i++) servedBy.add(api.get("/health").header("X-Served-By"));
      assertThat(servedBy).as("requests about no bundle are balanced").hasSizeGreaterThan(1);

      GeneratedBundle bundle = small("through-haproxy");
      String id = api.analyze(bundle.path().toString());
      JsonNode done = api.awaitEnd(id, END);
      String owner = done.path("hosting_worker_vm_ip").asText();
      awaitTrue(() -> lb.showMap().contains(id + " " + owner), "HAProxy learned the owner from X-Bundle-Owner");

      for (int i = 0; i < 2 * live.size(); i++) {
        ApiClient.Answer search = api.get("/logs/search?limit=5&log_bundle_id=" + id);
        assertThat(search.body().path("total").asLong()).isEqualTo(bundle.expected().total());
        assertThat(search.header("X-Served-By")).as("routed to the owner").isEqualTo(owner);
        assertThat(search.header("X-Relayed-By")).as("not through another node").isNull();
      }
      ApiClient.Answer byHeader = api.send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create("http://127.0.0.1:" + lb.port + "/health")).header("X-Log-Bundle-Id", id).build());
      assertThat(byHeader.header("X-Served-By")).as("routed by the X-Log-Bundle-Id header").isEqualTo(owner);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static boolean isUp(HaproxyProcess lb, NodeProcess node) {
    try {
      return lb.isUp(node.name());
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private CompletableFuture<ApiClient> startAsync(NodeProcess node) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return node.start(START);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private List<NodeProcess> live() {
    return nodes.stream().filter(n -> !killed.contains(n)).toList();
  }

  private ApiClient api(NodeProcess node) {
    return apis.get(node);
  }

  private GeneratedBundle small(String name) throws Exception {
    return BundleGenerator.generate(BundleSpec.builder().nodes(2).recordsPerNode(300).seed(seeds.incrementAndGet())
        .layout(Layout.TAR_GZ_OF_ZIPS).build(), bundles.resolve(name + ".tar.gz"));
  }

  /** Waits until the bundle's node started it (its row then names the node); returns job_status. */
  private static JsonNode awaitStarted(ApiClient api, String id) throws InterruptedException {
    long deadline = System.nanoTime() + END.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode status = api.get("/logs/job_status?log_bundle_id=" + id).body();
      if (!status.path("start_time").isNull() && !status.path("start_time").isMissingNode()) return status;
      Thread.sleep(100);
    }
    return fail("bundle " + id + " never started");
  }

  /** Waits for every bundle to complete; returns bundle id -> the node that hosts it. */
  private Map<String, String> awaitAllEnd(Iterable<String> ids) throws InterruptedException {
    ApiClient api = api(live().get(0));
    Map<String, String> hosts = new LinkedHashMap<>();
    for (String id : ids) {
      JsonNode status = api.awaitEnd(id, END);
      assertThat(status.path("job_status").asText()).as("bundle %s: %s", id, status).isEqualTo("completed");
      hosts.put(id, status.path("hosting_worker_vm_ip").asText());
    }
    return hosts;
  }

  /**
   * Waits until the coordinator (the first, oldest node) sees at least {@code count} nodes
   * matching {@code node} in {@code GET /cluster/load}: what the placement decisions use.
   */
  private void awaitCoordinatorSees(Predicate<JsonNode> node, int count, String what) throws InterruptedException {
    ApiClient coordinator = api(nodes.get(0));
    long deadline = System.nanoTime() + START.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = coordinator.get("/cluster/load").body();
      List<JsonNode> matching = new ArrayList<>();
      last.path("nodes").forEach(n -> {
        if (node.test(n)) matching.add(n);
      });
      if (matching.size() >= count) return;
      Thread.sleep(250);
    }
    fail("the coordinator never saw " + what + "; last /cluster/load: " + last + "; logs: "
        + nodes.stream().map(n -> n.log().toString()).collect(Collectors.joining(", ")));
  }

  private static void awaitTrue(Await.Check check, String what) throws Exception {
    Await.until(check, START, what);
  }
}
