package io.bundlescope.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bundlescope.testbundles.BundleGenerator;
import io.bundlescope.testbundles.BundleSpec;
import io.bundlescope.testbundles.Expected;
import io.bundlescope.testbundles.GeneratedBundle;
import io.bundlescope.testbundles.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Histogram, heatmap, context, export and the search extras against a real node, checked
 * against what the generator wrote (its {@link Expected} counts and the bundle's own files).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowseApiEndToEndTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path root;
  private RunningNode node;
  private ApiClient api;
  private GeneratedBundle bundle;
  private Expected expected;
  private String id;
  /** Every record of the bundle, as the NDJSON export streamed it. */
  private List<JsonNode> exported;

  @BeforeAll
  void analyzeABundle() throws Exception {
    node = RunningNode.start(root);
    api = node.api;
    bundle = BundleGenerator.generate(BundleSpec.builder().nodes(3).seed(13).recordsPerNode(600)
        .layout(Layout.DIRECTORY).build(), node.bundles.resolve("browse-dir"));
    expected = bundle.expected();
    id = api.analyze(bundle.path().toString());
    assertThat(api.awaitEnd(id, TIMEOUT).path("job_status").asText()).isEqualTo("completed");
    ApiClient.Text all = api.getText("/logs/export?log_bundle_id=" + id);
    assertThat(all.status()).isEqualTo(200);
    exported = new ArrayList<>();
    for (String line : all.body().split("\n")) exported.add(JSON.readTree(line));
  }

  @AfterAll
  void stopNode() {
    if (node != null) node.close();
  }

  private JsonNode ok(String pathAndQuery) {
    ApiClient.Answer a = api.get(pathAndQuery);
    assertThat(a.status()).as(pathAndQuery + " -> " + a.body()).isEqualTo(200);
    return a.body();
  }

  private long searchTotal(String filters) {
    return ok("/logs/search?log_bundle_id=" + id + "&limit=1" + filters).path("total").asLong();
  }

  private static Map<String, Long> sumSplits(JsonNode buckets) {
    Map<String, Long> sums = new TreeMap<>();
    buckets.forEach(b -> b.path("splits").fields().forEachRemaining(e -> sums.merge(e.getKey(), e.getValue().asLong(), Long::sum)));
    return sums;
  }

  @Test
  void histogramCountsEveryRecordIntoConsecutiveBucketsSplitByLevelAndService() {
    JsonNode h = ok("/logs/aggregate?group_by=time&split_by=log_level&log_bundle_id=" + id);
    JsonNode buckets = h.path("buckets");
    assertThat(h.path("total").asLong()).isEqualTo(expected.total());
    assertThat(sumSplits(buckets)).isEqualTo(expected.byLevel());
    assertThat(buckets.size()).isBetween(80, 200);
    long interval = h.path("interval_ms").asLong();
    for (int i = 0; i < buckets.size(); i++) {
      JsonNode b = buckets.get(i);
      assertThat(Instant.parse(b.path("start_time").asText()).toEpochMilli()).isEqualTo(b.path("start_ms").asLong());
      long splits = 0;
      for (JsonNode n : b.path("splits")) splits += n.asLong();
      assertThat(splits).isEqualTo(b.path("count").asLong());
      if (i > 0) assertThat(b.path("start_ms").asLong() - buckets.get(i - 1).path("start_ms").asLong()).isEqualTo(interval);
      if (i % 17 == 0) { // the same question through search's time range
        Instant start = Instant.ofEpochMilli(b.path("start_ms").asLong());
        assertThat(searchTotal("&start_time=" + start + "&end_time=" + start.plusMillis(interval)))
            .as("bucket " + start).isEqualTo(b.path("count").asLong());
      }
    }
    JsonNode byService = ok("/logs/aggregate?group_by=time&interval=1h&split_by=service&log_bundle_id=" + id);
    assertThat(byService.path("interval").asText()).isEqualTo("1h");
    assertThat(byService.path("interval_ms").asLong()).isEqualTo(3_600_000L);
    assertThat(sumSplits(byService.path("buckets"))).isEqualTo(expected.byService());
  }

  @Test
  void histogramRefusesABadIntervalOrSplitNamingTheParameter() {
    assertThat(api.get("/logs/aggregate?group_by=time&interval=soon&log_bundle_id=" + id).body().path("param").asText())
        .isEqualTo("interval");
    ApiClient.Answer tooMany = api.get("/logs/aggregate?group_by=time&interval=1ms&log_bundle_id=" + id);
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.body().path("param").asText()).isEqualTo("interval");
    assertThat(api.get("/logs/aggregate?group_by=time&split_by=pid&log_bundle_id=" + id).body().path("param").asText())
        .isEqualTo("split_by");
    JsonNode none = ok("/logs/aggregate?group_by=time&q=nosuchwordanywhere&log_bundle_id=" + id);
    assertThat(none.path("buckets").size()).isZero();
    assertThat(none.path("interval").isNull()).isTrue();
  }

  @Test
  void heatmapCountsErrorsAndFatalsPerNodeAndPerServiceOverTime() {
    for (String rows : List.of("cvm_ip", "service")) {
      JsonNode m = ok("/logs/heatmap?rows=" + rows + "&log_bundle_id=" + id);
      Map<String, Long> want = new TreeMap<>();
      expected.byNodeServiceLevel().forEach((ip, services) -> services.forEach((service, levels) -> {
        long bad = levels.getOrDefault("ERROR", 0L) + levels.getOrDefault("FATAL", 0L);
        if (bad > 0) want.merge(rows.equals("cvm_ip") ? ip : service, bad, Long::sum);
      }));
      Map<String, Long> got = new TreeMap<>();
      long max = 0;
      JsonNode cells = m.path("cells");
      for (int r = 0; r < m.path("rows").size(); r++) {
        assertThat(cells.get(r).size()).isEqualTo(m.path("columns").size());
        long sum = 0;
        for (JsonNode c : cells.get(r)) {
          sum += c.asLong();
          max = Math.max(max, c.asLong());
        }
        got.put(m.path("rows").get(r).asText(), sum);
      }
      assertThat(got).as(rows).isEqualTo(want);
      assertThat(m.path("log_levels").toString()).isEqualTo("[\"ERROR\",\"FATAL\"]");
      assertThat(m.path("max").asLong()).isEqualTo(max);
      assertThat(m.path("total").asLong()).isEqualTo(want.values().stream().mapToLong(Long::longValue).sum());
    }
    JsonNode m = ok("/logs/heatmap?rows=cvm_ip&interval=5m&log_bundle_id=" + id);
    int row = 0;
    int col = 0;
    for (int c = 0; c < m.path("columns").size(); c++) {
      if (m.path("cells").get(row).get(c).asLong() > m.path("cells").get(row).get(col).asLong()) col = c;
    }
    Instant start = Instant.parse(m.path("columns").get(col).asText());
    assertThat(searchTotal("&cvm_ip=" + m.path("rows").get(row).asText() + "&log_level=ERROR,FATAL&start_time=" + start
        + "&end_time=" + start.plusSeconds(300))).isEqualTo(m.path("cells").get(row).get(col).asLong()).isPositive();
    assertThat(api.get("/logs/heatmap?rows=pid&log_bundle_id=" + id).body().path("param").asText()).isEqualTo("rows");
  }

  @Test
  void contextShowsTheWholeFileAroundARecordInLineOrderAsTheFileHoldsIt() throws Exception {
    JsonNode some = ok("/logs/search?log_bundle_id=" + id + "&limit=300&log_level=ERROR").path("records");
    for (int i = 0; i < some.size(); i += 60) {
      JsonNode target = some.get(i);
      String filepath = target.path("filepath").asText();
      JsonNode all = ok("/logs/context?log_bundle_id=" + id + "&id=" + target.path("id").asText() + "&before=1000&after=1000");
      JsonNode records = all.path("records");
      assertThat((long) records.size()).as(filepath).isEqualTo(expected.byFile().get(filepath));
      int at = all.path("target_index").asInt();
      assertThat(records.get(at).path("id").asText()).isEqualTo(target.path("id").asText());
      List<String> lines = fileLines(filepath);
      long previous = 0;
      for (JsonNode r : records) {
        assertThat(r.path("filepath").asText()).isEqualTo(filepath);
        long line = r.path("line_number").asLong();
        assertThat(line).isGreaterThan(previous);
        previous = line;
        String firstLine = r.path("message").asText().split("\n", 2)[0];
        assertThat(lines.get((int) line - 1)).as(filepath + ":" + line).endsWith(firstLine);
      }
      JsonNode near = ok("/logs/context?log_bundle_id=" + id + "&id=" + target.path("id").asText() + "&before=2&after=3");
      int from = Math.max(0, at - 2);
      int to = Math.min(records.size(), at + 4);
      List<String> want = new ArrayList<>();
      for (int k = from; k < to; k++) want.add(records.get(k).path("id").asText());
      List<String> got = new ArrayList<>();
      near.path("records").forEach(r -> got.add(r.path("id").asText()));
      assertThat(got).isEqualTo(want);
      assertThat(near.path("target_index").asInt()).isEqualTo(at - from);
    }
    assertThat(api.get("/logs/context?log_bundle_id=" + id + "&id=nope").status()).isEqualTo(404);
    assertThat(api.get("/logs/context?log_bundle_id=" + id).body().path("param").asText()).isEqualTo("id");
  }

  /** The lines of a generated file (the bundle is a directory of plain or gzipped files). */
  private List<String> fileLines(String filepath) throws Exception {
    Path file = bundle.path().resolve(filepath);
    try (var in = filepath.endsWith(".gz")
        ? new java.util.zip.GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Test
  void exportStreamsEveryRecordOnceInTimeOrderAsNdjsonOrCsv() {
    assertThat((long) exported.size()).isEqualTo(expected.total());
    Set<String> ids = new HashSet<>();
    Instant previous = Instant.MIN;
    for (JsonNode r : exported) {
      assertThat(ids.add(r.path("id").asText())).isTrue();
      Instant t = Instant.parse(r.path("time").asText());
      assertThat(t).isAfterOrEqualTo(previous);
      previous = t;
    }
    String ip = expected.byCvmIp().keySet().iterator().next();
    ApiClient.Text csv = api.getText("/logs/export?format=csv&log_level=ERROR&cvm_ip=" + ip + "&log_bundle_id=" + id);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    List<List<String>> rows = Csv.parse(csv.body());
    assertThat(rows.get(0)).containsExactly("time", "log_level", "cvm_ip", "service", "pid", "filename", "filepath",
        "line_number", "id", "message");
    long errors = expected.byNodeServiceLevel().get(ip).values().stream().mapToLong(l -> l.getOrDefault("ERROR", 0L)).sum();
    assertThat((long) rows.size() - 1).isEqualTo(errors);
    Map<String, JsonNode> byId = new TreeMap<>();
    exported.forEach(r -> byId.put(r.path("id").asText(), r));
    for (List<String> row : rows.subList(1, rows.size())) {
      assertThat(row.get(1)).isEqualTo("ERROR");
      assertThat(row.get(2)).isEqualTo(ip);
      assertThat(row.get(9)).isEqualTo(byId.get(row.get(8)).path("message").asText());
    }
    ApiClient.Text seven = api.getText("/logs/export?limit=7&order=desc&log_bundle_id=" + id);
    assertThat(seven.header("Content-Type")).startsWith("application/x-ndjson");
    assertThat(seven.body().split("\n")).hasSize(7);
    assertThat(api.get("/logs/export?format=xml&log_bundle_id=" + id).body().path("param").asText()).isEqualTo("format");
    assertThat(api.get("/logs/export?regex=(&log_bundle_id=" + id).body().path("param").asText()).isEqualTo("regex");
  }

  @Test
  void ipFilterFindsAnAddressAnywhereInTheMessage() {
    Pattern ipv4 = Pattern.compile("(?<![\\d.])(\\d{1,3}(\\.\\d{1,3}){3})(?![\\d.])");
    Map<String, Long> counts = new TreeMap<>();
    for (JsonNode r : exported) {
      Set<String> seen = new HashSet<>();
      Matcher m = ipv4.matcher(r.path("message").asText());
      while (m.find()) if (seen.add(m.group(1))) counts.merge(m.group(1), 1L, Long::sum);
    }
    assertThat(counts).isNotEmpty();
    int checked = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (e.getKey().startsWith("255.") || checked++ > 5) continue;
      assertThat(searchTotal("&ip=" + e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(api.get("/logs/search?ip=10.1.2&log_bundle_id=" + id).body().path("param").asText()).isEqualTo("ip");
  }

  @Test
  void regexKeepsTheMatchingRecordsOfTheNarrowedSetAndTextMatchesAreHighlighted() {
    Pattern took = Pattern.compile("took \\d{3} ms");
    long want = exported.stream().filter(r -> r.path("log_level").asText().equals("INFO"))
        .filter(r -> took.matcher(r.path("message").asText()).find()).count();
    assertThat(want).isPositive();
    assertThat(searchTotal("&log_level=INFO&regex=" + ApiClient.enc("took \\d{3} ms"))).isEqualTo(want);

    JsonNode page = ok("/logs/search?log_bundle_id=" + id + "&q=authenticated&limit=50");
    assertThat(page.path("records").size()).isPositive();
    for (JsonNode r : page.path("records")) {
      JsonNode spans = page.path("highlights").path(r.path("id").asText());
      assertThat(spans.size()).isPositive();
      for (JsonNode s : spans) {
        assertThat(r.path("message").asText().substring(s.get(0).asInt(), s.get(1).asInt())).isEqualToIgnoringCase("authenticated");
      }
    }
    assertThat(ok("/logs/search?log_bundle_id=" + id + "&limit=1").has("highlights")).isFalse();
  }

  @Test
  void twoBundlesAreSearchedTogetherMergedInTimeOrderWithACorrectCursor() throws Exception {
    GeneratedBundle other = BundleGenerator.generate(BundleSpec.builder().nodes(2).seed(14).recordsPerNode(300)
        .layout(Layout.TAR_GZ_OF_ZIPS).build(), node.bundles.resolve("other.tar.gz"));
    String otherId = api.analyze(other.path().toString());
    assertThat(api.awaitEnd(otherId, TIMEOUT).path("job_status").asText()).isEqualTo("completed");
    long total = expected.total() + other.expected().total();
    Set<String> ids = new HashSet<>();
    Set<String> bundles = new HashSet<>();
    Instant previous = Instant.MIN;
    String cursor = null;
    do {
      JsonNode page = ok("/logs/search?log_bundle_id=" + id + "," + otherId + "&limit=333"
          + (cursor == null ? "" : "&cursor=" + ApiClient.enc(cursor)));
      assertThat(page.path("total").asLong()).isEqualTo(total);
      for (JsonNode r : page.path("records")) {
        assertThat(ids.add(r.path("id").asText())).isTrue();
        bundles.add(r.path("log_bundle_id").asText());
        Instant t = Instant.parse(r.path("time").asText());
        assertThat(t).isAfterOrEqualTo(previous);
        previous = t;
      }
      cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
    } while (cursor != null);
    assertThat((long) ids.size()).isEqualTo(total);
    assertThat(bundles).containsExactlyInAnyOrder(id, otherId);
    Map<String, Long> levels = new TreeMap<>(expected.byLevel());
    other.expected().byLevel().forEach((k, v) -> levels.merge(k, v, Long::sum));
    assertThat(sumSplits(ok("/logs/aggregate?group_by=time&split_by=log_level&log_bundle_id=" + id + "," + otherId)
        .path("buckets"))).isEqualTo(levels);
    Map<String, Long> pids = api.counts(id + "," + otherId, "pid");
    assertThat(pids).isNotEmpty();
  }

  /** A small RFC 4180 reader: quoted fields may hold commas, quotes and line breaks. */
  static final class Csv {
    static List<List<String>> parse(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          row.add(field.toString());
          field.setLength(0);
        } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          row.add(field.toString());
          field.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
          i++;
        } else {
          field.append(c);
        }
      }
      return rows;
    }
  }
}
