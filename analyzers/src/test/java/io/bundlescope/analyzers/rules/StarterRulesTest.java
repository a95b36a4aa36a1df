package io.bundlescope.analyzers.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.bundlescope.index.BundleIndexWriter;
import io.bundlescope.index.lucene.LuceneLogStore;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The starter library ({@code rules/starter-rules.yaml}) against real-shaped records
 * ({@code starter-examples.yaml}) in a real Lucene index: each rule fires on its examples, with
 * exactly the expected evidence and no other rule, and stays quiet on its near misses; all near
 * misses together (a healthy bundle) fire nothing.
 */
class StarterRulesTest {
  static final String LIBRARY = "/rules/starter-rules.yaml";
  private static final String EXAMPLES = "starter-examples.yaml";
  private static final String BUNDLE = "starter";
  private static final long T0 = 1_764_460_800_000_000L; // 2025-11-30T00:00:00Z
  private static final long S = 1_000_000L;
  /** The file a record of a service comes from, when an example does not say. */
  private static final Map<String, String> FILES = Map.ofEntries(
      Map.entry("messages", "messages"), Map.entry("kern", "kern.log"), Map.entry("dmesg", "dmesg"),
      Map.entry("syslog", "syslog"), Map.entry("system", "system.log"), Map.entry("cassandra", "cassandra.out"),
      Map.entry("zookeeper", "zookeeper.out"), Map.entry("genesis", "genesis.out"),
      Map.entry("acropolis", "acropolis.out"), Map.entry("prism_gateway", "prism_gateway.log"),
      Map.entry("ovs-vswitchd", "ovs-vswitchd.log"));

  @TempDir Path dir;

  /** One example line; {@code repeat} copies it every {@code every} seconds. */
  record Line(String service, String node, LogLevel level, Long at, String message, String filename,
      Integer repeat, Long every, Boolean evidence) {}

  /** A rule's examples: {@code also} names rules that rightly fire on the same records. */
  record Example(String rule, List<Line> fires, List<String> also, List<Line> quiet) {}

  record Examples(List<Example> examples) {}

  static List<Rule> library() {
    try (InputStream in = StarterRulesTest.class.getResourceAsStream(LIBRARY)) {
      assertThat(in).as(LIBRARY).isNotNull();
      return RuleFormat.readAll(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Example> examples() {
    ObjectMapper yaml = YAMLMapper.builder().build()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (InputStream in = StarterRulesTest.class.getResourceAsStream(EXAMPLES)) {
      assertThat(in).as(EXAMPLES).isNotNull();
      Map<String, Example> byRule = new LinkedHashMap<>();
      for (Example e : yaml.readValue(in, Examples.class).examples()) {
        assertThat(byRule.put(e.rule(), e)).as("examples of %s given twice", e.rule()).isNull();
      }
      return byRule;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theLibraryValidatesWithAtLeast35RulesOfUniqueIds() {
    List<Rule> rules = library();
    assertThat(rules).hasSizeGreaterThanOrEqualTo(35);
    assertThat(rules).extracting(Rule::id).doesNotHaveDuplicates();
    assertThat(rules).allSatisfy(r -> {
      assertThat(r.kb()).as(r.id()).isEqualTo("https://kb.bundlescope.local/rules/" + r.id());
      assertThat(r.remediation()).as(r.id()).isNotBlank();
      assertThat(r.tags()).as(r.id()).isNotEmpty();
      assertThat(r.version()).as(r.id()).isZero();
    });
    // the export format reads back to the same rules
    assertThat(RuleFormat.readAll(RuleFormat.toYaml(rules))).isEqualTo(rules);
  }

  @Test
  void everyRuleHasFiringAndQuietExamplesAndEveryExampleARule() {
    Set<String> ids = library().stream().map(Rule::id).collect(Collectors.toSet());
    Map<String, Example> examples = examples();
    assertThat(examples.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    examples.values().forEach(e -> {
      assertThat(e.fires()).as("fires of %s", e.rule()).isNotEmpty();
      assertThat(e.quiet()).as("quiet of %s", e.rule()).isNotEmpty();
      assertThat(e.also() == null ? List.<String>of() : e.also()).as("also of %s", e.rule())
          .isSubsetOf(ids).doesNotContain(e.rule());
    });
  }

  @TestFactory
  Stream<DynamicTest> eachRuleFiresOnItsExamplesAloneAndNotOnItsNearMisses() {
    List<Rule> rules = library();
    Map<String, Example> examples = examples();
    return rules.stream().map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
      Example example = examples.get(rule.id());
      assertThat(example).as("examples of %s", rule.id()).isNotNull();

      Indexed fires = index(rule.id() + "-fires", List.of(example));
      RuleReport report = new RuleChecker(fires.store).check(BUNDLE, rules);
      fires.store.close();
      assertRunnable(report);
      Set<String> expected = new TreeSet<>(example.also() == null ? List.of() : example.also());
      expected.add(rule.id());
      assertThat(report.hits()).extracting(RuleHit::ruleId).as("rules firing on the examples of %s", rule.id())
          .containsOnlyElementsOf(expected).containsAll(expected);
      Set<String> evidence = report.hits().stream().filter(h -> h.ruleId().equals(rule.id()))
          .flatMap(h -> h.evidence().stream()).collect(Collectors.toCollection(TreeSet::new));
      assertThat(evidence).as("evidence of %s", rule.id()).isEqualTo(fires.evidence);

      Indexed quiet = index(rule.id() + "-quiet", List.of(new Example(rule.id(), example.quiet(), null, List.of())));
      RuleReport calm = new RuleChecker(quiet.store).check(BUNDLE, rules);
      quiet.store.close();
      assertRunnable(calm);
      assertThat(calm.hits()).as("hits on the near misses of %s", rule.id()).isEmpty();
    }));
  }

  @Test
  void aHealthyBundleOfAllNearMissesFiresNoRule() throws Exception {
    List<Rule> rules = library();
    List<Example> quiet = examples().values().stream()
        .map(e -> new Example(e.rule(), e.quiet(), null, List.of())).toList();
    Indexed healthy = index("healthy", quiet);
    RuleReport report = new RuleChecker(healthy.store).check(BUNDLE, rules);
    healthy.store.close();
    assertThat(report.skipped()).as("every rule is judged on the healthy bundle").isEmpty();
    assertThat(report.hits()).as("false positives").isEmpty();
    assertThat(report.rulesChecked()).isEqualTo(rules.size());
  }

  private static void assertRunnable(RuleReport report) {
    assertThat(report.skipped()).as("rules that cannot run")
        .noneSatisfy(s -> assertThat(s.reason()).startsWith("cannot run"));
  }

  /** A store holding the examples' fires lines, and the ids of those expected as evidence. */
  private record Indexed(LuceneLogStore store, Set<String> evidence) {}

  private Indexed index(String name, List<Example> examples) throws IOException {
    LuceneLogStore store = new LuceneLogStore(Files.createDirectories(dir.resolve(name)), Duration.ZERO);
    BundleIndexWriter writer = store.writer(BUNDLE);
    Set<String> evidence = new HashSet<>();
    long lineNumber = 0;
    for (Example example : examples) {
      List<Line> lines = example.fires();
      for (int i = 0; i < lines.size(); i++) {
        Line l = lines.get(i);
        assertThat(l.service()).as("service of a line of %s", example.rule()).isNotBlank();
        assertThat(l.message()).as("message of a line of %s", example.rule()).isNotBlank();
        String node = l.node() == null ? "10.0.0.1" : l.node();
        String file = l.filename() != null ? l.filename() : FILES.getOrDefault(l.service(), l.service() + ".INFO");
        LogLevel level = l.level() == null ? LogLevel.INFO : l.level();
        int repeat = l.repeat() == null ? 1 : l.repeat();
        long every = l.every() == null ? 1 : l.every();
        for (int k = 0; k < repeat; k++) {
          String id = example.rule() + "-" + i + "-" + k;
          long time = T0 + ((l.at() == null ? 0 : l.at()) + k * every) * S;
          writer.add(new LogRecord(id, BUNDLE, l.message(), l.service(), file, node + "/" + file, time, "t",
              level, file, null, node, 0, ++lineNumber, "c-" + node + "-" + l.service()));
          if (!Boolean.FALSE.equals(l.evidence())) evidence.add(id);
        }
      }
    }
    writer.commit();
    return new Indexed(store, new TreeSet<>(evidence));
  }
}
