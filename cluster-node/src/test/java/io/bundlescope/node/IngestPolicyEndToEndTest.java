package io.bundlescope.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bundlescope.testbundles.BundleGenerator;
import io.bundlescope.testbundles.BundleSpec;
import io.bundlescope.testbundles.Expected;
import io.bundlescope.testbundles.GeneratedBundle;
import io.bundlescope.testbundles.Layout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node ingesting generated bundles under an ingest policy given per bundle: INFO counted
 * (not searchable, counted exactly) or dropped (in the totals only); every other level indexed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestPolicyEndToEndTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

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

  private GeneratedBundle generate(String name, long seed) throws Exception {
    return BundleGenerator.generate(BundleSpec.builder().nodes(3).seed(seed).recordsPerNode(400)
        .layout(Layout.TAR_GZ_OF_ZIPS).build(), node.bundles.resolve(name));
  }

  private static Map<String, Long> without(Map<String, Long> byLevel, String level) {
    Map<String, Long> out = new TreeMap<>(byLevel);
    out.remove(level);
    return out;
  }

  private Map<String, Long> buckets(String query) {
    ApiClient.Answer a = api.get(query);
    assertThat(a.status()).as(query + " -> " + a).isEqualTo(200);
    Map<String, Long> out = new TreeMap<>();
    a.body().path("buckets").forEach(b -> out.put(b.path("key").asText(), b.path("count").asLong()));
    return out;
  }

  @Test
  void infoCountedIsNotSearchableButCountedExactlyPerLevelServiceAndNode() throws Exception {
    GeneratedBundle bundle = generate("counted.tar.gz", 31);
    Expected expected = bundle.expected();
    long info = expected.byLevel().get("INFO");
    assertThat(info).isPositive();

    ApiClient.Answer submitted = api.post("/logs/analyze?log_bundle_path=" + ApiClient.enc(bundle.path().toString())
        + "&info=count", null);
    assertThat(submitted.status()).isEqualTo(200);
    String id = submitted.body().path("log_bundle_id").asText();
    JsonNode status = api.awaitEnd(id, TIMEOUT);

    assertThat(status.path("job_status").asText()).isEqualTo("completed");
    assertThat(status.path("ingest_policy").path("info").asText()).isEqualTo("count");
    assertThat(status.path("ingest_policy").path("debug").asText()).isEqualTo("index");
    assertThat(status.path("progress").path("records").asLong()).isEqualTo(expected.total() - info);
    assertThat(status.path("progress").path("records_counted").asLong()).isEqualTo(info);
    assertThat(status.path("progress").path("records_dropped").asLong()).isZero();
    assertThat(status.path("summary").path("records_counted").asLong()).isEqualTo(info);
    assertThat(status.path("summary").path("counted_by_level").path("INFO").asLong()).isEqualTo(info);

    JsonNode all = api.get("/logs/search?log_bundle_id=" + id + "&limit=1").body();
    assertThat(all.path("total").asLong()).isEqualTo(expected.total() - info);
    assertThat(all.path("counted_not_indexed").asLong()).isEqualTo(info);
    JsonNode infos = api.get("/logs/search?log_bundle_id=" + id + "&log_level=INFO").body();
    assertThat(infos.path("total").asLong()).isZero();
    assertThat(infos.path("counted_not_indexed").asLong()).isEqualTo(info);

    String agg = "/logs/aggregate?log_bundle_id=" + id + "&group_by=";
    assertThat(buckets(agg + "log_level")).isEqualTo(without(expected.byLevel(), "INFO"));
    assertThat(api.get(agg + "log_level").body().path("counted_not_indexed").asLong()).isEqualTo(info);
    assertThat(buckets(agg + "log_level&include_counted=true")).isEqualTo(expected.byLevel());
    assertThat(buckets(agg + "service&include_counted=true")).isEqualTo(expected.byService());
    assertThat(buckets(agg + "cvm_ip&include_counted=true")).isEqualTo(expected.byCvmIp());

    JsonNode histogram = api.get(agg + "time&include_counted=true&split_by=log_level").body();
    assertThat(histogram.path("total").asLong()).isEqualTo(expected.total());
    long infoInBuckets = 0;
    for (JsonNode b : histogram.path("buckets")) infoInBuckets += b.path("splits").path("INFO").asLong();
    assertThat(infoInBuckets).isEqualTo(info);
    assertThat(api.get(agg + "time").body().path("total").asLong()).isEqualTo(expected.total() - info);

    JsonNode templates = api.get("/logs/templates?log_bundle_id=" + id + "&limit=10000").body();
    long countedInTemplates = 0;
    for (JsonNode t : templates.path("templates")) countedInTemplates += t.path("counted").asLong();
    assertThat(countedInTemplates).isEqualTo(info);
    JsonNode infoTemplates = api.get("/logs/templates?log_bundle_id=" + id + "&log_level=INFO&limit=10000").body();
    long infoTemplateCount = 0;
    for (JsonNode t : infoTemplates.path("templates")) infoTemplateCount += t.path("count").asLong();
    assertThat(infoTemplateCount).isEqualTo(info);

    assertThat(api.get("/logs/metadata").body()).anySatisfy(b -> {
      assertThat(b.path("log_bundle_id").asText()).isEqualTo(id);
      assertThat(b.path("ingest_policy").path("info").asText()).isEqualTo("count");
    });
  }

  @Test
  void infoDroppedIsInTheTotalsOnly() throws Exception {
    GeneratedBundle bundle = generate("dropped.tar.gz", 32);
    Expected expected = bundle.expected();
    long info = expected.byLevel().get("INFO");

    ApiClient.Answer submitted = api.post("/logs/analyze",
        "{\"log_bundle_path\": \"" + bundle.path() + "\", \"info\": \"drop\"}");
    assertThat(submitted.status()).isEqualTo(200);
    String id = submitted.body().path("log_bundle_id").asText();
    JsonNode status = api.awaitEnd(id, TIMEOUT);

    assertThat(status.path("job_status").asText()).isEqualTo("completed");
    assertThat(status.path("ingest_policy").path("info").asText()).isEqualTo("drop");
    assertThat(status.path("progress").path("records").asLong()).isEqualTo(expected.total() - info);
    assertThat(status.path("progress").path("records_counted").asLong()).isZero();
    assertThat(status.path("progress").path("records_dropped").asLong()).isEqualTo(info);
    assertThat(status.path("summary").path("dropped_by_level").path("INFO").asLong()).isEqualTo(info);
    assertThat(status.path("summary").path("by_level").has("INFO")).isFalse();

    String agg = "/logs/aggregate?log_bundle_id=" + id + "&group_by=log_level";
    assertThat(buckets(agg + "&include_counted=true")).isEqualTo(without(expected.byLevel(), "INFO"));
    assertThat(api.get("/logs/search?log_bundle_id=" + id + "&limit=1").body().path("total").asLong())
        .isEqualTo(expected.total() - info);
  }

  @Test
  void aBadPolicyIsRefusedNamingItsParameter() {
    ApiClient.Answer a = api.post("/logs/analyze?log_bundle_path=x&info=sometimes", null);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().path("param").asText()).isEqualTo("info");
  }
}
