package io.bundlescope.node;

import static io.bundlescope.node.StreamClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.bundlescope.testbundles.BundleGenerator;
import io.bundlescope.testbundles.BundleSpec;
import io.bundlescope.testbundles.Expected;
import io.bundlescope.testbundles.GeneratedBundle;
import io.bundlescope.testbundles.Layout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that never reads, on a node publishing every INFO record and holding little for
 * each client: it is dropped, while the bundle is ingested exactly and another client
 * following the same bundle gets everything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveStreamSlowClientTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  @TempDir static Path root;
  private RunningNode node;
  private ApiClient api;

  @BeforeAll
  void startNode() throws Exception {
    node = RunningNode.start(root, ConfigFactory.parseString("bundlescope.stream { floor-level = INFO, client-buffer = 128 }"));
    api = node.api;
  }

  @AfterAll
  void stopNode() {
    if (node != null) node.close();
  }

  @Test
  void aClientThatNeverReadsIsDroppedWhileIngestAndOtherClientsCarryOn() throws Exception {
    GeneratedBundle bundle = BundleGenerator.generate(BundleSpec.builder().nodes(3).seed(23).recordsPerNode(60_000)
        .layout(Layout.TAR_GZ_OF_ZIPS).build(), node.bundles.resolve("slow.tar.gz"));
    Expected expected = bundle.expected();
    String id = api.analyze(bundle.path().toString());

    try (StreamClient stalled = StreamClient.open(api.ws("/logs/stream?min_level=INFO&log_bundle_id=" + id), false);
        StreamClient reader = StreamClient.open(api.ws("/logs/stream?log_bundle_id=" + id), true)) {
      JsonNode job = api.awaitEnd(id, TIMEOUT);
      JsonNode end = reader.await(type("end"), TIMEOUT);

      assertThat(job.path("job_status").asText()).isEqualTo("completed");
      assertThat(job.path("progress").path("records").asLong()).isEqualTo(expected.total());
      assertThat(api.counts(id, "log_level")).isEqualTo(expected.byLevel());
      assertThat(end.path("status").asText()).isEqualTo("completed");
      long dropped = reader.frames("dropped").stream().mapToLong(f -> f.path("count").asLong()).sum();
      assertThat(reader.frames("record").size() + dropped).isEqualTo(LiveStreamEndToEndTest.critical(expected.byLevel()));

      stalled.resume(); // reads what the server wrote before dropping it, then the reason and the close
      JsonNode closed = stalled.await(type("closed"), TIMEOUT);
      assertThat(closed.path("reason").asText()).contains("too slowly");
      assertThat(stalled.ended.get(30, TimeUnit.SECONDS)).startsWith("close 1000");
      assertThat(stalled.frames()).endsWith(closed).noneMatch(type("end"));
      assertThat(stalled.frames("record").size()).isLessThan((int) expected.total());
    }
  }
}
