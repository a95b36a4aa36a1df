package io.bundlescope.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bundlescope.node.cli.Main;
import io.bundlescope.testbundles.BundleGenerator;
import io.bundlescope.testbundles.BundleSpec;
import io.bundlescope.testbundles.GeneratedBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bundlescope admin backup|restore|reindex} as a user runs them: a backup of a running node found through
 * its data directory, restore refused while it runs, restored into a fresh data directory, and the bundles
 * indexed again on the node started there.
 */
class BackupAdminCommandTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  @TempDir
  Path root;

  @Test
  void backupOfARunningNodeRestoresIntoAFreshDataDirWhereReindexRebuildsTheBundles() throws Exception {
    Path data = root.resolve("data");
    Path file = root.resolve("state.backup");
    GeneratedBundle bundle;
    String id;
    long records;
    try (RunningNode node = RunningNode.start(root)) {
      bundle = BundleGenerator.generate(BundleSpec.builder().nodes(2).recordsPerNode(300).seed(5).build(),
          node.bundles.resolve("kept.tar.gz"));
      id = node.api.analyze(bundle.path().toString());
      JsonNode done = node.api.awaitEnd(id, TIMEOUT);
      assertThat(done.path("job_status").asText()).isEqualTo("completed");
      records = done.path("progress").path("records").asLong();
      assertThat(records).isEqualTo(bundle.expected().total());

      NodeFile running = NodeFile.read(data).orElseThrow();
      assertThat(running.isRunning()).isTrue();
      assertThat(running.embeddedDb()).isTrue();

      assertThat(admin("backup", "--out", file.toString(), "--data-dir", data.toString())).isZero();
      assertThat(file).isRegularFile();
      assertThat(admin("restore", "--in", file.toString(), "--data-dir", data.toString()))
          .as("refused: the node of this data dir runs").isEqualTo(2);
      assertThat(admin("restore", "--in", file.toString(), "--force", "--db-url", running.jdbcUrl(),
          "--data-dir", root.resolve("elsewhere").toString()))
          .as("refused: a node is connected to that database").isEqualTo(1);
      assertThat(node.api.get("/logs/job_status?log_bundle_id=" + id).body().path("job_status").asText())
          .isEqualTo("completed");
    }
    assertThat(NodeFile.read(data)).as("removed when the node stops").isEmpty();

    Files.move(data, root.resolve("data-lost"));
    assertThat(admin("restore", "--in", file.toString(), "--data-dir", data.toString())).isZero();
    assertThat(admin("restore", "--in", file.toString(), "--data-dir", data.toString()))
        .as("refused: not empty any more").isEqualTo(1);

    try (RunningNode node = RunningNode.start(root)) {
      JsonNode restored = node.api.get("/logs/job_status?log_bundle_id=" + id).body();
      assertThat(restored.path("job_status").asText()).isEqualTo("completed");
      assertThat(restored.path("progress").path("records").asLong()).isEqualTo(records);

      assertThat(node.api.get("/logs/search?limit=1&log_bundle_id=" + id).body().path("total").asLong())
          .as("the index is not in the backup").isZero();
      assertThat(admin("reindex", "--all", "--data-dir", data.toString())).isZero();
      List<String> ids = new ArrayList<>();
      node.api.get("/logs/metadata").body().forEach(b -> ids.add(b.path("log_bundle_id").asText()));
      assertThat(ids).as("indexed again under its own id").containsExactly(id);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (!node.api.counts(id, "service").equals(bundle.expected().byService()) && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(node.api.counts(id, "service")).isEqualTo(bundle.expected().byService());
      assertThat(node.api.awaitEnd(id, TIMEOUT).path("job_status").asText()).isEqualTo("completed");
      assertThat(node.api.post("/logs/reindex?log_bundle_id=nosuchbundle", null).status()).isEqualTo(404);
    }
  }

  private static int admin(String... args) {
    String[] full = new String[args.length + 1];
    full[0] = "admin";
    System.arraycopy(args, 0, full, 1, args.length);
    return new CommandLine(new Main()).execute(full);
  }
}
