package io.bundlescope.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bundlescope.testbundles.BundleGenerator;
import io.bundlescope.testbundles.BundleSpec;
import io.bundlescope.testbundles.GeneratedBundle;
import io.bundlescope.testbundles.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node process killed with SIGKILL in the middle of an ingest and started again resumes the
 * bundle and ends with exactly its records: none lost, none duplicated.
 */
class KillNineResumeTest {
  /** One parse slot and frequent commits: the ingest takes long enough to be interrupted. */
  private static final List<String> SLOW_INGEST = List.of("-Xmx1g",
      "-Dbundlescope.ingest.parallelism=1", "-Dbundlescope.ingest.commit-interval=200ms");

  @TempDir Path root;

  @Test
  void nodeKilledMidIngestResumesAndEndsWithExactlyTheBundlesRecords() throws Exception {
    Path bundles = Files.createDirectories(root.resolve("bundles"));
    GeneratedBundle bundle = BundleGenerator.generate(BundleSpec.builder().nodes(3).recordsPerNode(60_000)
        .seed(99).layout(Layout.TAR_GZ_OF_ZIPS).build(), bundles.resolve("big.tar.gz"));
    Path data = root.resolve("data");
    String id;

    try (NodeProcess first = new NodeProcess(root, data, bundles, SLOW_INGEST)) {
      ApiClient api = first.start(Duration.ofSeconds(90));
      id = api.analyze(bundle.path().toString());
      JsonNode progress = awaitMidIngest(api, id);
      first.kill9();
      assertThat(progress.path("files_done").asLong()).as("killed mid-ingest")
          .isBetween(1L, progress.path("files_total").asLong() - 1);
    }

    try (NodeProcess second = new NodeProcess(root, data, bundles, SLOW_INGEST)) {
      ApiClient api = second.start(Duration.ofSeconds(90));
      JsonNode status = api.awaitEnd(id, Duration.ofMinutes(3));

      assertThat(status.path("job_status").asText()).isEqualTo("completed");
      assertThat(status.path("progress").path("records").asLong()).isEqualTo(bundle.expected().total());
      assertThat(api.get("/logs/search?limit=1&log_bundle_id=" + id).body().path("total").asLong())
          .isEqualTo(bundle.expected().total());
      assertThat(api.counts(id, "cvm_ip")).isEqualTo(bundle.expected().byCvmIp());
      assertThat(api.counts(id, "service")).isEqualTo(bundle.expected().byService());
      assertThat(api.counts(id, "log_level")).isEqualTo(bundle.expected().byLevel());
    }
  }

  /** Waits until some but not all chunks are journaled; returns that progress. */
  private static JsonNode awaitMidIngest(ApiClient api, String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode p = api.get("/logs/job_status?log_bundle_id=" + id).body().path("progress");
      if (p.path("files_done").asLong() >= 1 && p.path("files_done").asLong() < p.path("files_total").asLong()) return p;
      Thread.sleep(20);
    }
    throw new AssertionError("ingest never observed in progress");
  }
}
