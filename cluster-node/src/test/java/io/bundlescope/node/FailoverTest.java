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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Losing a node loses no line: three real JVMs share a PostgreSQL run by the test (so any node
 * may die); one is killed with kill -9 while it ingests a bundle and holds another analyzed one.
 * Both end up on the survivors, indexed again from the bundle files, with exactly the bundles'
 * records, hosting_worker_vm_ip follows, and HAProxy in front of the nodes learns the new owner
 * (from X-Bundle-Owner) and sends the bundle's requests straight to it.
 */
class FailoverTest {
  private static final Duration START = Duration.ofSeconds(120);
  private static final Duration END = Duration.ofSeconds(240);
  private static final List<String> JVM = List.of("-Xmx512m", "-XX:+UseSerialGC",
      "-Dbundlescope.ingest.parallelism=1",
      "-Dbundlescope.placement.ingest-bytes-unit=1MiB",
      "-Dpekko.cluster.split-brain-resolver.stable-after=3s");

  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path root;

  @Test
  void bundlesOfAKilledNodeAreIndexedAgainOnTheSurvivorsWithExactCounts() throws Exception {
    Path bundles = Files.createDirectories(root.resolve("bundles"));
    List<NodeProcess> nodes = new ArrayList<>();
    List<AutoCloseable> closing = new ArrayList<>();
    try (Database db = Database.start(DatabaseSettings.embedded(root.resolve("pg"), FreePorts.next()))) {
      NodeProcess.startCluster(3, root, bundles, JVM, db, START, nodes);
      ApiClient api = new ApiClient(nodes.get(0).httpPort);
      awaitLive(api, 3);

      Map<String, GeneratedBundle> small = new LinkedHashMap<>();
      for (int i = 0; i < 3; i++) {
        GeneratedBundle b = generate(bundles, "small-" + i, 300, 40 + i);
        small.put(api.analyze(b.path().toString()), b);
      }
      Map<String, String> smallHosts = new LinkedHashMap<>();
      for (String id : small.keySet()) smallHosts.put(id, completed(api, id).path("hosting_worker_vm_ip").asText());

      HaproxyProcess lb = new HaproxyProcess(root, nodes.stream().map(NodeProcess::name).toList()).start(START);
      closing.add(lb);
      ApiClient viaLb = new ApiClient(lb.port);
      GeneratedBundle big = generate(bundles, "big", 60_000, 50);
      String bigId = api.analyze(big.path().toString());
      String bigHost = awaitSomeChunksJournaled(api, bigId);
      Await.until(() -> viaLb.get("/logs/search?limit=1&log_bundle_id=" + bigId).header("X-Bundle-Owner") != null
          && lb.showMap().contains(bigId + " " + bigHost), START, "HAProxy learned the big bundle's owner");
      NodeProcess victim = nodes.stream().filter(n -> n.name().equals(bigHost)).findFirst().orElseThrow();
      List<String> lostAnalyzed = smallHosts.entrySet().stream().filter(e -> e.getValue().equals(bigHost))
          .map(Map.Entry::getKey).toList();
      victim.kill9();

      ApiClient survivor = nodes.stream().filter(n -> n != victim).findFirst().map(n -> new ApiClient(n.httpPort)).orElseThrow();
      JsonNode bigDone = survivor.awaitCompletedAwayFrom(bigId, bigHost, END);
      assertThat(bigDone.path("progress").path("records").asLong()).isEqualTo(big.expected().total());
      assertThat(survivor.counts(bigId, "cvm_ip")).isEqualTo(big.expected().byCvmIp());
      assertThat(survivor.counts(bigId, "log_level")).isEqualTo(big.expected().byLevel());
      String newOwner = bigDone.path("hosting_worker_vm_ip").asText();
      Await.until(() -> {
        ApiClient.Answer a = viaLb.get("/logs/search?limit=1&log_bundle_id=" + bigId);
        return a.status() == 200 && newOwner.equals(a.header("X-Served-By")) && a.header("X-Relayed-By") == null;
      }, START, "HAProxy sends the bundle's requests straight to its new owner " + newOwner + "; " + lb.log());
      ApiClient.Answer routed = viaLb.get("/logs/search?limit=1&log_bundle_id=" + bigId);
      assertThat(routed.body().path("total").asLong()).isEqualTo(big.expected().total());
      assertThat(lb.showMap()).contains(bigId + " " + newOwner);

      for (String id : lostAnalyzed) {
        survivor.awaitCompletedAwayFrom(id, bigHost, END);
        assertThat(survivor.counts(id, "service")).as("bundle %s analyzed on the lost node", id)
            .isEqualTo(small.get(id).expected().byService());
      }
      for (String id : small.keySet()) {
        assertThat(survivor.get("/logs/search?limit=1&log_bundle_id=" + id).body().path("total").asLong())
            .isEqualTo(small.get(id).expected().total());
      }
    } finally {
      for (AutoCloseable c : closing) c.close();
      for (int i = nodes.size() - 1; i >= 0; i--) nodes.get(i).close();
    }
  }

  private static GeneratedBundle generate(Path bundles, String name, int recordsPerNode, long seed) throws Exception {
    return BundleGenerator.generate(BundleSpec.builder().nodes(3).recordsPerNode(recordsPerNode).seed(seed)
        .layout(Layout.TAR_GZ_OF_ZIPS).build(), bundles.resolve(name + ".tar.gz"));
  }

  private static void awaitLive(ApiClient api, int count) throws InterruptedException {
    long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline) {
      int live = 0;
      for (JsonNode n : api.get("/cluster/load").body().path("nodes")) {
        if (n.path("live").asBoolean() && !n.path("report").isNull() && n.has("report")) live++;
      }
      if (live >= count) return;
      Thread.sleep(250);
    }
    fail("fewer than " + count + " live nodes with a load report");
  }

  private static JsonNode completed(ApiClient api, String id) throws InterruptedException {
    JsonNode status = api.awaitEnd(id, END);
    assertThat(status.path("job_status").asText()).as(status.toString()).isEqualTo("completed");
    return status;
  }

  /** Waits until some of the bundle's chunks are journaled (but not all); returns its node. */
  private static String awaitSomeChunksJournaled(ApiClient api, String id) throws InterruptedException {
    long deadline = System.nanoTime() + END.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode s = api.get("/logs/job_status?log_bundle_id=" + id).body();
      long done = s.path("progress").path("files_done").asLong();
      if (s.path("job_status").asText().equals("completed")) fail("the big bundle finished before the kill: make it bigger");
      if (done > 0) return s.path("hosting_worker_vm_ip").asText();
      Thread.sleep(50);
    }
    return fail("bundle " + id + " never journaled a chunk");
  }

}
