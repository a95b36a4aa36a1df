package io.bundlescope.analyzers.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {
  private static final long S = 1_000_000L;

  private static Rule rule(RuleCondition condition) {
    return new Rule("r", 3, "R", Severity.MAJOR, null, null, new RuleMatch("x", null, null, null),
        condition, null, null, null);
  }

  private static Occurrence at(long seconds, String node, String id) {
    return new Occurrence(seconds * S, node, id);
  }

  @Test
  void anyMatchFiresOncePerNodeWithTheFirstRecordAsEvidence() {
    List<RuleHit> hits = RuleEvaluator.evaluate(rule(RuleCondition.ANY_MATCH),
        List.of(at(1, "a", "a1"), at(2, "b", "b1"), at(3, "a", "a2")), List.of(), false);
    assertThat(hits).extracting(RuleHit::node).containsExactly("a", "b");
    RuleHit a = hits.get(0);
    assertThat(a.evidence()).containsExactly("a1");
    assertThat(a.count()).isEqualTo(2);
    assertThat(a.firstMicros()).isEqualTo(1 * S);
    assertThat(a.lastMicros()).isEqualTo(3 * S);
    assertThat(a.ruleVersion()).isEqualTo(3);
  }

  @Test
  void countWithinWindowNeedsThatManyCloseTogether() {
    RuleCondition threeIn10s = new RuleCondition(3, Duration.ofSeconds(10), Grouping.NODE, null);
    List<Occurrence> spread = List.of(at(0, "a", "1"), at(11, "a", "2"), at(22, "a", "3"), at(33, "a", "4"));
    assertThat(RuleEvaluator.evaluate(rule(threeIn10s), spread, List.of(), false)).isEmpty();

    List<Occurrence> burst = List.of(at(0, "a", "1"), at(50, "a", "2"), at(55, "a", "3"), at(60, "a", "4"), at(61, "a", "5"));
    RuleHit hit = RuleEvaluator.evaluate(rule(threeIn10s), burst, List.of(), false).get(0);
    assertThat(hit.evidence()).containsExactly("2", "3", "4");
    assertThat(hit.firstMicros()).isEqualTo(50 * S);
    assertThat(hit.peak()).isEqualTo(3); // 50..60 and 55..61: 50..61 is 11 s
    assertThat(hit.count()).isEqualTo(5);
  }

  @Test
  void windowBoundIsInclusive() {
    RuleCondition twoIn10s = new RuleCondition(2, Duration.ofSeconds(10), Grouping.NODE, null);
    assertThat(RuleEvaluator.evaluate(rule(twoIn10s), List.of(at(0, "a", "1"), at(10, "a", "2")), List.of(), false)).hasSize(1);
  }

  @Test
  void perNodeCountsEachNodeApartWhileClusterAddsThemUp() {
    List<Occurrence> occurrences = List.of(at(0, "a", "1"), at(1, "b", "2"), at(2, "c", "3"));
    RuleCondition perNode = new RuleCondition(3, Duration.ofMinutes(1), Grouping.NODE, null);
    RuleCondition cluster = new RuleCondition(3, Duration.ofMinutes(1), Grouping.CLUSTER, null);
    assertThat(RuleEvaluator.evaluate(rule(perNode), occurrences, List.of(), false)).isEmpty();
    List<RuleHit> hits = RuleEvaluator.evaluate(rule(cluster), occurrences, List.of(), false);
    assertThat(hits).singleElement().satisfies(h -> {
      assertThat(h.node()).isNull();
      assertThat(h.evidence()).containsExactly("1", "2", "3");
    });
  }

  @Test
  void sequenceNeedsTheSecondStepWithinTheDelayOnTheSameNode() {
    RuleCondition aThenB = new RuleCondition(1, null, Grouping.NODE,
        new FollowedBy(null, new RuleMatch("y", null, null, null), Duration.ofSeconds(30)));
    List<Occurrence> first = List.of(at(100, "a", "a1"), at(100, "b", "b1"));
    List<Occurrence> tooLate = List.of(at(131, "a", "late"));
    List<Occurrence> before = List.of(at(99, "a", "early"));
    List<Occurrence> otherNode = List.of(at(110, "c", "c2"));
    assertThat(RuleEvaluator.evaluate(rule(aThenB), first, tooLate, false)).isEmpty();
    assertThat(RuleEvaluator.evaluate(rule(aThenB), first, before, false)).isEmpty();
    assertThat(RuleEvaluator.evaluate(rule(aThenB), first, otherNode, false)).isEmpty();

    RuleHit hit = RuleEvaluator.evaluate(rule(aThenB), first, List.of(at(99, "a", "x"), at(120, "a", "a2")), false).get(0);
    assertThat(hit.node()).isEqualTo("a");
    assertThat(hit.evidence()).containsExactly("a1", "a2");
    assertThat(hit.lastMicros()).isEqualTo(120 * S);
  }

  @Test
  void sequenceTriesLaterWindowsWhenAnEarlierOneHasNoFollowUp() {
    RuleCondition twoThenB = new RuleCondition(2, Duration.ofSeconds(5), Grouping.CLUSTER,
        new FollowedBy(null, new RuleMatch("y", null, null, null), Duration.ofSeconds(10)));
    List<Occurrence> first = List.of(at(0, "a", "1"), at(1, "a", "2"), at(100, "b", "3"), at(102, "c", "4"));
    RuleHit hit = RuleEvaluator.evaluate(rule(twoThenB), first, List.of(at(105, "z", "then")), false).get(0);
    assertThat(hit.evidence()).containsExactly("3", "4", "then");
    assertThat(hit.firstMicros()).isEqualTo(100 * S);
  }

  @Test
  void aRecordMatchingBothStepsIsNotItsOwnFollowUp() {
    // "a start-up line followed by another start-up line within 2 minutes": both steps match
    // the same records; one start-up line alone is no sequence
    RuleCondition startThenStart = new RuleCondition(1, null, Grouping.NODE,
        new FollowedBy(null, new RuleMatch("x", null, null, null), Duration.ofMinutes(2)));
    List<Occurrence> once = List.of(at(10, "a", "s1"));
    assertThat(RuleEvaluator.evaluate(rule(startThenStart), once, once, false)).isEmpty();

    List<Occurrence> twice = List.of(at(10, "a", "s1"), at(10, "a", "s2"), at(200, "a", "s3"));
    RuleHit hit = RuleEvaluator.evaluate(rule(startThenStart), twice, twice, false).get(0);
    assertThat(hit.evidence()).containsExactly("s1", "s2"); // another record, even at the same time
  }

  @Test
  void evidenceIsCappedAndTruncationIsCarried() {
    List<Occurrence> many = new ArrayList<>();
    for (int i = 0; i < 100; i++) many.add(at(i, "a", "id" + i));
    RuleCondition fifty = new RuleCondition(50, null, Grouping.NODE, null);
    RuleHit hit = RuleEvaluator.evaluate(rule(fifty), many, List.of(), true).get(0);
    assertThat(hit.evidence()).hasSize(RuleEvaluator.MAX_EVIDENCE).startsWith("id0");
    assertThat(hit.truncated()).isTrue();
    assertThat(hit.peak()).isEqualTo(100);
  }

  @Test
  void recordsWithoutANodeGroupTogether() {
    List<RuleHit> hits = RuleEvaluator.evaluate(rule(RuleCondition.ANY_MATCH),
        List.of(at(1, null, "x"), at(2, null, "y")), List.of(), false);
    assertThat(hits).singleElement().satisfies(h -> {
      assertThat(h.node()).isNull();
      assertThat(h.count()).isEqualTo(2);
    });
  }
}
