package io.bundlescope.analyzers.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bundlescope.parsers.LogLevel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleFormatTest {
  private static final String SEQUENCE = """
      rules:
        - id: disk-full-then-crash
          title: Disk full, then the storage service dies
          severity: Critical
          scope: {services: [stargate], files: ["stargate.*"], nodes: [10.1.2.11]}
          match:
            query: '"No space left on device"'
            levels: [error, FATAL]
          condition:
            min_count: 3
            window: 5m
            per: node
            followed_by:
              match: {template: "Check failed: <*> == <*>"}
              within: 90s
          kb: https://kb.example/1
          remediation: Free space on the data disks.
          tags: [disk, storage]
      """;

  @Test
  void readsEveryPartOfASequenceRule() {
    Rule rule = RuleFormat.readAll(SEQUENCE).get(0);
    assertThat(rule.id()).isEqualTo("disk-full-then-crash");
    assertThat(rule.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(rule.scope().services()).containsExactly("stargate");
    assertThat(rule.scope().files()).containsExactly("stargate.*");
    assertThat(rule.scope().nodes()).containsExactly("10.1.2.11");
    assertThat(rule.match().levels()).containsExactly(LogLevel.ERROR, LogLevel.FATAL);
    assertThat(rule.condition().minCount()).isEqualTo(3);
    assertThat(rule.condition().window()).isEqualTo(Duration.ofMinutes(5));
    assertThat(rule.condition().per()).isEqualTo(Grouping.NODE);
    assertThat(rule.condition().followedBy().within()).isEqualTo(Duration.ofSeconds(90));
    assertThat(rule.condition().followedBy().match().template()).isEqualTo("Check failed: <*> == <*>");
    assertThat(rule.tags()).containsExactly("disk", "storage");
    assertThat(rule.isSequence()).isTrue();
  }

  @Test
  void yamlExportReadsBackToTheSameRules() {
    List<Rule> rules = RuleFormat.readAll(SEQUENCE);
    String yaml = RuleFormat.toYaml(rules);
    assertThat(yaml).contains("window: 5m").contains("within: 90s").contains("severity: critical");
    assertThat(RuleFormat.readAll(yaml)).isEqualTo(rules);
  }

  @Test
  void jsonAndAPlainListAreReadToo() {
    String json = RuleFormat.toJsonText(RuleFormat.readAll(SEQUENCE).get(0));
    assertThat(RuleFormat.readAll("[" + json + "]")).isEqualTo(RuleFormat.readAll(SEQUENCE));
    assertThat(RuleFormat.read(json)).isEqualTo(RuleFormat.readAll(SEQUENCE).get(0));
  }

  @Test
  void defaultsAreOneMatchPerNodeAnywhere() {
    Rule rule = RuleFormat.read("{id: oom, title: OOM, severity: major, match: {query: oom}}");
    assertThat(rule.condition()).isEqualTo(RuleCondition.ANY_MATCH);
    assertThat(rule.scope()).isEqualTo(RuleScope.ANY);
    assertThat(rule.version()).isZero();
  }

  @Test
  void anUnknownKeyIsAnErrorNamingIt() {
    assertThatThrownBy(() -> RuleFormat.read("{id: a, title: A, severity: major, match: {querry: x}}"))
        .isInstanceOf(RuleFormatException.class).hasMessageContaining("querry");
  }

  @Test
  void everyProblemOfEveryRuleIsReportedAtOnce() {
    String bad = """
        - {id: Bad Id, title: '', severity: major, match: {regex: '(', template: 'x <*>'}}
        - {id: ok, title: Ok, severity: minor, match: {query: x}, condition: {min_count: 0}}
        - {id: seq, title: Seq, severity: minor, match: {query: x}, condition: {followed_by: {match: {query: y}}}}
        - {id: ok, title: Dup, severity: minor, match: {query: x}}
        """;
    assertThatThrownBy(() -> RuleFormat.readAll(bad))
        .isInstanceOfSatisfying(RuleFormatException.class, e -> assertThat(e.problems()).anySatisfy(
            p -> assertThat(p).contains("rule #1").contains("id:")).anySatisfy(
            p -> assertThat(p).contains("title: required")).anySatisfy(
            p -> assertThat(p).contains("a regex or a template, not both")).anySatisfy(
            p -> assertThat(p).contains("match.regex")).anySatisfy(
            p -> assertThat(p).contains("rule #2 'ok'").contains("min_count")).anySatisfy(
            p -> assertThat(p).contains("followed_by.within: required")));
  }

  @Test
  void badDurationsAndSeveritiesAreExplained() {
    assertThatThrownBy(() -> RuleFormat.read("{id: a, title: A, severity: major, match: {query: x}, condition: {window: soon}}"))
        .hasMessageContaining("500ms, 30s, 5m").hasMessageContaining("condition.window");
    assertThatThrownBy(() -> RuleFormat.read("{id: a, title: A, severity: dire, match: {query: x}}"))
        .hasMessageContaining("severity");
  }

  @Test
  void aRegexAloneIsRefusedBecauseItWouldReadEveryRecord() {
    assertThatThrownBy(() -> RuleFormat.read("{id: a, title: A, severity: major, match: {regex: 'x+'}}"))
        .hasMessageContaining("a query or a template is required");
  }

  @Test
  void notARuleFileIsSaidPlainly() {
    assertThatThrownBy(() -> RuleFormat.readAll("just: [text")).hasMessageContaining("not a YAML or JSON rule file");
    assertThatThrownBy(() -> RuleFormat.readAll("id: x")).hasMessageContaining("a list of rules");
  }
}
