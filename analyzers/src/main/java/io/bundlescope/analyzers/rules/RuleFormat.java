package io.bundlescope.analyzers.rules;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.bundlescope.index.Intervals;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes rules as YAML or JSON (YAML is a superset: one reader takes both). A file is
 * a list of rules or {@code {rules: [...]}}; names are snake_case, durations are written as
 * {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}; unknown keys are errors, so a typo never
 * silently widens a rule. Every rule read is validated ({@link RuleValidation}).
 */
public final class RuleFormat {
  private static final ObjectMapper YAML = configure(YAMLMapper.builder(new YAMLFactory()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
      .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true).build());
  private static final ObjectMapper JSON = configure(JsonMapper.builder()
      .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true).build());

  private RuleFormat() {}

  private static ObjectMapper configure(ObjectMapper mapper) {
    SimpleModule durations = new SimpleModule("rule-durations");
    durations.addSerializer(Duration.class, new DurationWriter());
    durations.addDeserializer(Duration.class, new DurationReader());
    return mapper.registerModule(durations)
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** The rules of a YAML or JSON document, each validated. */
  public static List<Rule> readAll(String text) {
    try {
      return readAll(YAML.readTree(text));
    } catch (JsonProcessingException e) {
      throw new RuleFormatException("not a YAML or JSON rule file: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    }
  }

  /** The rules of a YAML or JSON stream, each validated. */
  public static List<Rule> readAll(InputStream in) {
    try {
      return readAll(YAML.readTree(in));
    } catch (JsonProcessingException e) {
      throw new RuleFormatException("not a YAML or JSON rule file: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One rule from YAML or JSON, validated. */
  public static Rule read(String text) {
    try {
      return read(YAML.readTree(text), "rule");
    } catch (JsonProcessingException e) {
      throw new RuleFormatException("not a YAML or JSON rule: " + e.getOriginalMessage());
    }
  }

  /** One rule from a parsed JSON tree (an API body), validated. */
  public static Rule read(JsonNode node, String where) {
    if (node == null || !node.isObject()) throw new RuleFormatException(where + ": a rule is an object");
    Rule rule;
    try {
      rule = YAML.treeToValue(node, Rule.class);
    } catch (JsonProcessingException e) {
      throw new RuleFormatException(where + ": " + e.getOriginalMessage() + path(e));
    }
    List<String> problems = RuleValidation.problems(rule);
    if (!problems.isEmpty()) {
      String name = rule.id() == null ? where : where + " '" + rule.id() + "'";
      throw new RuleFormatException(problems.stream().map(p -> name + ": " + p).toList());
    }
    return rule;
  }

  private static List<Rule> readAll(JsonNode root) {
    JsonNode list = root != null && root.isObject() && root.has("rules") ? root.get("rules") : root;
    if (list == null || !list.isArray()) throw new RuleFormatException("a rule file is a list of rules or {rules: [...]}");
    List<Rule> rules = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      try {
        rules.add(read(list.get(i), "rule #" + (i + 1)));
      } catch (RuleFormatException e) {
        problems.addAll(e.problems());
      }
    }
    if (rules.stream().map(Rule::id).distinct().count() < rules.size()) problems.add("rule ids must be unique in a file");
    if (!problems.isEmpty()) throw new RuleFormatException(problems);
    return rules;
  }

  /** The rules as YAML, as {@code {rules: [...]}}: the export format, diff-friendly for git. */
  public static String toYaml(List<Rule> rules) {
    try {
      return YAML.writeValueAsString(Map.of("rules", rules));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A rule as a JSON tree (API answers, the database). */
  public static JsonNode toJson(Rule rule) {
    return JSON.valueToTree(rule);
  }

  /** A rule as compact JSON text. */
  public static String toJsonText(Rule rule) {
    try {
      return JSON.writeValueAsString(rule);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String path(JsonProcessingException e) {
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
      StringBuilder b = new StringBuilder(" (at ");
      m.getPath().forEach(ref -> b.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]"));
      return b.append(')').toString().replace("(at .", "(at ");
    }
    return "";
  }

  private static final class DurationWriter extends JsonSerializer<Duration> {
    @Override
    public void serialize(Duration value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeString(Intervals.format(value.toNanos() / 1_000));
    }
  }

  private static final class DurationReader extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      String text = p.getValueAsString();
      try {
        return Duration.ofNanos(Math.multiplyExact(Intervals.parse(text), 1_000L));
      } catch (RuntimeException e) {
        return (Duration) ctx.handleWeirdStringValue(Duration.class, text,
            "a duration is a number and a unit: 500ms, 30s, 5m, 2h, 1d");
      }
    }
  }
}
