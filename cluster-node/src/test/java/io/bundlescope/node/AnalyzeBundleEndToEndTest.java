package io.bundlescope.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bundlescope.testbundles.BundleGenerator;
import io.bundlescope.testbundles.BundleSpec;
import io.bundlescope.testbundles.Expected;
import io.bundlescope.testbundles.GeneratedBundle;
import io.bundlescope.testbundles.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real node in this JVM (embedded PostgreSQL, Lucene, Pekko cluster of one, HTTP) fed
 * generated bundles through its API; counts are checked exactly against the generator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyzeBundleEndToEndTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  @TempDir static Path root;
  private Path bundles;
  private RunningNode node;
  private ApiClient api;

  @BeforeAll
  void startNode() throws Exception {
    node = RunningNode.start(root);
    bundles = node.bundles;
    api = node.api;
  }

  @AfterAll
  void stopNode() {
    if (node != null) node.close();
  }

  private GeneratedBundle generate(String name, Layout layout, long seed) throws Exception {
    BundleSpec spec = BundleSpec.builder().nodes(3).seed(seed).recordsPerNode(400).layout(layout).build();
    return BundleGenerator.generate(spec, bundles.resolve(name));
  }

  @Test
  void clusterBundleOfZipsInTarGzIsCountedExactlyPerNodeServiceAndLevel() throws Exception {
    GeneratedBundle bundle = generate("NCC-logs-2026-11-30.tar.gz", Layout.TAR_GZ_OF_ZIPS, 7);
    Expected expected = bundle.expected();

    String id = api.analyze(bundle.path().toString());
    JsonNode status = api.awaitEnd(id, TIMEOUT);

    assertThat(status.path("job_status").asText()).isEqualTo("completed");
    assertThat(status.path("progress").path("records").asLong()).isEqualTo(expected.total());
    assertThat(api.counts(id, "cvm_ip")).isEqualTo(expected.byCvmIp());
    assertThat(api.counts(id, "service")).isEqualTo(expected.byService());
    assertThat(api.counts(id, "log_level")).isEqualTo(expected.byLevel());
    List<String> warnings = StreamSupport.stream(status.path("warnings").spliterator(), false).map(JsonNode::asText).toList();
    for (String binary : expected.warningsFor()) {
      assertThat(warnings).anySatisfy(w -> assertThat(w).contains(binary).contains("binary"));
    }
    assertThat(status.path("summary").path("bundle_type").asText()).isEqualTo("cluster");
    JsonNode clusters = api.get("/logs/metadata?log_type=cluster").body();
    assertThat(clusters).anySatisfy(b -> assertThat(b.path("log_bundle_id").asText()).isEqualTo(id));
    assertThat(api.get("/logs/metadata?log_type=sosreport").body()).noneSatisfy(
        b -> assertThat(b.path("log_bundle_id").asText()).isEqualTo(id));
  }

  @Test
  void directoryBundleIsAnalyzedAndSearchPagesThroughEveryRecordOnce() throws Exception {
    GeneratedBundle bundle = generate("cluster-dir", Layout.DIRECTORY, 11);
    String id = api.analyze(bundle.path().toString());
    assertThat(api.awaitEnd(id, TIMEOUT).path("job_status").asText()).isEqualTo("completed");

    Set<String> ids = new HashSet<>();
    String cursor = null;
    Instant previous = Instant.MIN;
    do {
      JsonNode page = api.get("/logs/search?log_bundle_id=" + id + "&limit=500"
          + (cursor == null ? "" : "&cursor=" + ApiClient.enc(cursor))).body();
      assertThat(page.path("total").asLong()).isEqualTo(bundle.expected().total());
      for (JsonNode r : page.path("records")) {
        assertThat(ids.add(r.path("id").asText())).as("record %s seen twice", r.path("id")).isTrue();
        Instant time = Instant.parse(r.path("time").asText());
        assertThat(time).as("time order").isAfterOrEqualTo(previous);
        previous = time;
      }
      cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
    } while (cursor != null);
    assertThat(ids).hasSize((int) bundle.expected().total());
  }

  @Test
  void aSmallBundleSubmittedAfterABigOneFinishesFirst() throws Exception {
    GeneratedBundle big = BundleGenerator.generate(BundleSpec.builder().nodes(3).recordsPerNode(100_000).seed(21)
        .build(), bundles.resolve("big.tar.gz"));
    GeneratedBundle small = BundleGenerator.generate(BundleSpec.builder().nodes(1).recordsPerNode(50).seed(22)
        .build(), bundles.resolve("small.tar.gz"));
    String bigId = api.analyze(big.path().toString());
    while (api.get("/logs/job_status?log_bundle_id=" + bigId).body().path("progress").path("files_total").asLong() == 0) {
      Thread.sleep(20);
    }

    String smallId = api.analyze(small.path().toString());
    JsonNode smallDone = api.awaitEnd(smallId, TIMEOUT);
    JsonNode bigThen = api.get("/logs/job_status?log_bundle_id=" + bigId).body();

    assertThat(smallDone.path("job_status").asText()).isEqualTo("completed");
    assertThat(bigThen.path("job_status").asText()).as("big bundle still ingesting").isEqualTo("inprogress");
    assertThat(api.awaitEnd(bigId, TIMEOUT).path("progress").path("records").asLong()).isEqualTo(big.expected().total());
  }

  @Test
  void samePathGivesSameIdUnlessReanalyzed() throws Exception {
    GeneratedBundle bundle = generate("again.zip", Layout.ZIP_OF_ZIPS, 3);
    String first = api.analyze(bundle.path().toString());
    String second = api.analyze(bundle.path().toString());
    JsonNode third = api.post("/logs/analyze", "{\"log_bundle_path\": \"" + bundle.path() + "\", \"reanalyze\": true}").body();

    assertThat(second).isEqualTo(first);
    assertThat(third.path("log_bundle_id").asText()).isNotEqualTo(first);
    assertThat(api.awaitEnd(first, TIMEOUT).path("job_status").asText()).isEqualTo("completed");
    assertThat(api.awaitEnd(third.path("log_bundle_id").asText(), TIMEOUT).path("job_status").asText()).isEqualTo("completed");
    JsonNode metadata = api.get("/logs/metadata?log_path=" + ApiClient.enc(bundle.path().toString())).body();
    assertThat(metadata).hasSize(2);
    assertThat(metadata.get(0).path("is_analyzed").asBoolean()).isTrue();
    assertThat(metadata.get(0).path("log_bundle_size").asLong()).isEqualTo(Files.size(bundle.path()));
  }

  @Test
  void pathsOutsideTheRootsMissingOrAbsentAreRefusedWithJsonErrors() throws Exception {
    Path outside = Files.writeString(root.resolve("outside.log"), "2026-11-30 00:00:00,000 INFO x.py:1 hi\n");
    ApiClient.Answer out = api.post("/logs/analyze?log_bundle_path=" + ApiClient.enc(outside.toString()), null);
    ApiClient.Answer escape = api.post("/logs/analyze?log_bundle_path=" + ApiClient.enc(bundles + "/../outside.log"), null);
    ApiClient.Answer missing = api.post("/logs/analyze?log_bundle_path=" + ApiClient.enc(bundles + "/nope.tar.gz"), null);
    ApiClient.Answer absent = api.post("/logs/analyze", null);
    ApiClient.Answer badJson = api.post("/logs/analyze", "{not json");

    assertThat(out.status()).isEqualTo(403);
    assertThat(out.body().path("error_msg").asText()).contains("outside the allowed roots");
    assertThat(escape.status()).isEqualTo(403);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().path("error_msg").asText()).contains("does not exist");
    assertThat(absent.status()).isEqualTo(400);
    assertThat(absent.body().path("param").asText()).isEqualTo("log_bundle_path");
    assertThat(badJson.status()).isEqualTo(400);
  }

  @Test
  void unreadableBundlesFailTheirJobWithAnErrorAndTheNodeKeepsServing() throws Exception {
    Path notArchive = Files.write(bundles.resolve("random.bin"), new java.util.Random(1).ints(4096, 0, 256)
        .collect(java.io.ByteArrayOutputStream::new, (o, b) -> o.write(b), (a, b) -> {}).toByteArray());
    Path truncated = bundles.resolve("truncated.tar.gz");
    GeneratedBundle whole = generate("whole.tar.gz", Layout.TAR_GZ_OF_ZIPS, 5);
    byte[] bytes = Files.readAllBytes(whole.path());
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 3));
    Path empty = Files.createDirectories(bundles.resolve("empty-bundle"));

    for (Path bad : List.of(notArchive, empty)) {
      JsonNode status = api.awaitEnd(api.analyze(bad.toString()), TIMEOUT);
      assertThat(status.path("job_status").asText()).as(bad.toString()).isEqualTo("failed");
      assertThat(status.path("error_msg").asText()).as(bad.toString()).isNotBlank();
    }
    JsonNode cut = api.awaitEnd(api.analyze(truncated.toString()), TIMEOUT);
    if (cut.path("job_status").asText().equals("completed")) {
      assertThat(cut.path("warnings").toString()).containsIgnoringCase("truncated");
    } else {
      assertThat(cut.path("error_msg").asText()).isNotBlank();
    }
    assertThat(api.isUp()).isTrue();
  }

  @Test
  void badSearchParametersAreRefusedNamingTheParameter() {
    assertThat(api.get("/logs/search").status()).isEqualTo(400);
    ApiClient.Answer level = api.get("/logs/search?log_bundle_id=x&log_level=LOUD");
    assertThat(level.status()).isEqualTo(400);
    assertThat(level.body().path("param").asText()).isEqualTo("log_level");
    assertThat(api.get("/logs/search?log_bundle_id=x&start_time=yesterday").body().path("param").asText()).isEqualTo("start_time");
    assertThat(api.get("/logs/aggregate?log_bundle_id=x&group_by=color").body().path("param").asText()).isEqualTo("group_by");
    assertThat(api.get("/logs/job_status?log_bundle_id=nope").status()).isEqualTo(404);
    assertThat(api.get("/logs/nothing-here").status()).isEqualTo(404);
  }

  @Test
  void bundleRenamedIntoTheInboxIsAnalyzedOnceAndANewVersionAgain() throws Exception {
    GeneratedBundle bundle = generate("inbox-src.tar.gz", Layout.TAR_GZ_OF_ZIPS, 9);
    Path inbox = bundles.resolve("inbox");
    Path partial = inbox.resolve("dropped.tar.gz.part");
    Files.copy(bundle.path(), partial);
    Path dropped = Files.move(partial, inbox.resolve("dropped.tar.gz"));

    JsonNode found = awaitMetadata(dropped, 1).get(0);
    JsonNode status = api.awaitEnd(found.path("log_bundle_id").asText(), TIMEOUT);
    assertThat(status.path("progress").path("records").asLong()).isEqualTo(bundle.expected().total());
    Thread.sleep(5_000); // several more inbox scans
    assertThat(api.get("/logs/metadata?log_path=" + ApiClient.enc(dropped.toRealPath().toString())).body()).hasSize(1);

    GeneratedBundle other = generate("inbox-src-2.tar.gz", Layout.TAR_GZ_OF_ZIPS, 10);
    Files.copy(other.path(), partial);
    Files.move(partial, dropped, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    JsonNode second = awaitMetadata(dropped, 2).get(0);
    assertThat(second.path("log_bundle_id").asText()).isNotEqualTo(found.path("log_bundle_id").asText());
    assertThat(api.awaitEnd(second.path("log_bundle_id").asText(), TIMEOUT).path("progress").path("records").asLong())
        .isEqualTo(other.expected().total());
  }

  /** Polls /logs/metadata for a path until it lists {@code count} bundles (newest first). */
  private JsonNode awaitMetadata(Path path, int count) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode list = api.get("/logs/metadata?log_path=" + ApiClient.enc(path.toRealPath().toString())).body();
      if (list.size() >= count) return list;
      Thread.sleep(200);
    }
    throw new AssertionError(path + " never listed " + count + " times in /logs/metadata");
  }
}
