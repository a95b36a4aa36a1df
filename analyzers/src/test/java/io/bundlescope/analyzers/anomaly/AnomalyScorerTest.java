package io.bundlescope.analyzers.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import io.bundlescope.index.TemplateNode;
import io.bundlescope.index.TemplateNodeCounts;
import io.bundlescope.parsers.LogLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The scorer on hand-made bundles: three nodes, a steady background of 3,000 INFO records
 * (template 1, 10 per node in each of 100 one-minute slots), then one anomaly at a time.
 */
class AnomalyScorerTest {
  private static final String A = "10.0.0.1";
  private static final String B = "10.0.0.2";
  private static final String C = "10.0.0.3";
  private static final int SLOTS = 100;
  private static final long MINUTE = 60_000_000L;
  private static final AnomalySettings DEFAULTS = AnomalySettings.defaults();

  /** A pair with {@code perSlot} records in every slot, plus extra ones in given slots. */
  private static TemplateNodeCounts pair(long template, String node, LogLevel level, int perSlot, int... extraAt) {
    int[] slots = new int[SLOTS];
    Arrays.fill(slots, perSlot);
    for (int i = 0; i < extraAt.length; i += 2) slots[extraAt[i]] += extraAt[i + 1];
    long count = Arrays.stream(slots).sum();
    return new TemplateNodeCounts(template, node, count, Map.of(level, count), slots);
  }

  private static List<TemplateNodeCounts> background() {
    List<TemplateNodeCounts> pairs = new ArrayList<>();
    for (String n : List.of(A, B, C)) pairs.add(pair(1, n, LogLevel.INFO, 10));
    return pairs;
  }

  private static List<ScoredPair> score(List<TemplateNodeCounts> pairs, Set<Long> fresh) {
    return new AnomalyScorer(DEFAULTS).score(new AnomalyInput(pairs, fresh, 0, MINUTE));
  }

  private static List<String> kinds(ScoredPair p) {
    return p.reasons().stream().map(AnomalyReason::kind).toList();
  }

  @Test
  void aSteadyBundleHasNoAnomalies() {
    assertThat(score(background(), Set.of())).isEmpty();
  }

  @Test
  void aTemplateSeenOnceInABigBundleIsRareAndAnErrorWeighsTwiceAnInfo() {
    List<TemplateNodeCounts> pairs = background();
    pairs.add(pair(2, A, LogLevel.ERROR, 0, 40, 1));
    pairs.add(pair(3, B, LogLevel.INFO, 0, 50, 1));
    List<ScoredPair> scored = score(pairs, Set.of());
    assertThat(scored).extracting(ScoredPair::pair).containsExactly(new TemplateNode(2, A), new TemplateNode(3, B));
    assertThat(kinds(scored.get(0))).containsExactly(AnomalyReason.RARE);
    assertThat(scored.get(0).score()).isEqualTo(0.3);
    assertThat(scored.get(0).reasons().get(0).detail()).isEqualTo("template seen once in 3002 records (rare: at most 3)");
    assertThat(scored.get(1).score()).isEqualTo(0.15);
  }

  @Test
  void rarityFadesToTheLimitAndMeansNothingInASmallBundle() {
    List<TemplateNodeCounts> pairs = background();
    pairs.add(pair(2, A, LogLevel.ERROR, 0, 1, 1, 2, 1, 3, 1));
    pairs.add(pair(3, A, LogLevel.ERROR, 0, 1, 2)); // 4 records: past the limit
    pairs.add(pair(3, B, LogLevel.ERROR, 0, 1, 2));
    List<ScoredPair> scored = score(pairs, Set.of());
    assertThat(scored).extracting(ScoredPair::pair).containsExactly(new TemplateNode(2, A));
    // 3 records: rare at a third of the weight; 3 errors on A only are one_node as well
    assertThat(scored.get(0).reasons()).extracting(AnomalyReason::kind, AnomalyReason::contribution).containsExactly(
        org.assertj.core.groups.Tuple.tuple(AnomalyReason.ONE_NODE, 0.25), org.assertj.core.groups.Tuple.tuple(AnomalyReason.RARE, 0.1));

    List<TemplateNodeCounts> small = List.of(pair(1, A, LogLevel.INFO, 1), pair(2, A, LogLevel.ERROR, 0, 5, 1));
    assertThat(score(small, Set.of())).isEmpty();
  }

  @Test
  void aNewTemplateCountsOnlyWhenTheNodeKnewMostOfTheBundle() {
    List<TemplateNodeCounts> pairs = background();
    pairs.add(pair(7, C, LogLevel.ERROR, 0, 60, 1));
    List<ScoredPair> scored = score(pairs, Set.of(7L));
    assertThat(scored).hasSize(1);
    assertThat(kinds(scored.get(0))).containsExactly(AnomalyReason.NEW, AnomalyReason.RARE);
    assertThat(scored.get(0).score()).isEqualTo(0.7);

    // a fresh node: every template is new, so none is
    assertThat(score(pairs, Set.of(1L, 7L))).extracting(p -> kinds(p)).containsExactly(List.of(AnomalyReason.RARE));
  }

  @Test
  void aSlotFarAboveThePairsOwnBaselineIsABurst() {
    List<TemplateNodeCounts> pairs = background();
    pairs.add(pair(4, A, LogLevel.ERROR, 2, 30, 40)); // 42 in slot 30, 2 elsewhere
    pairs.add(pair(4, B, LogLevel.ERROR, 2, 30, 4)); // 6: within the noise floor
    pairs.add(pair(4, C, LogLevel.ERROR, 0, 30, 4)); // 4: too few to be a burst
    List<ScoredPair> scored = score(pairs, Set.of());
    assertThat(scored).extracting(ScoredPair::pair).containsExactly(new TemplateNode(4, A));
    ScoredPair burst = scored.get(0);
    assertThat(kinds(burst)).containsExactly(AnomalyReason.BURST);
    assertThat(burst.score()).isEqualTo(0.5);
    assertThat(burst.reasons().get(0).detail())
        .isEqualTo("42 records in the 1m slot from 1970-01-01T00:30:00Z, 2 per slot usually (robust z 40.0)");
  }

  @Test
  void aBurstJustOverTheThresholdWeighsHalfAndAnInfoBurstHalfAgain() {
    List<TemplateNodeCounts> pairs = background();
    pairs.add(pair(5, A, LogLevel.ERROR, 0, 10, 6, 20, 1)); // z 6: half weight
    pairs.add(pair(5, B, LogLevel.ERROR, 0, 80, 1)); // (so not on one node only)
    pairs.add(pair(6, A, LogLevel.INFO, 0, 10, 12, 20, 1)); // z 12: full weight x 0.5
    List<ScoredPair> scored = score(pairs, Set.of());
    assertThat(scored).extracting(ScoredPair::templateId, ScoredPair::score)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(5L, 0.25), org.assertj.core.groups.Tuple.tuple(6L, 0.25));
  }

  @Test
  void anErrorTemplateRepeatedOnOneNodeOfSeveralIsOneNode() {
    List<TemplateNodeCounts> pairs = background();
    pairs.add(pair(8, B, LogLevel.ERROR, 0, 10, 2, 50, 2)); // 4 errors, only on B
    pairs.add(pair(9, A, LogLevel.ERROR, 0, 10, 2, 50, 2)); // on A...
    pairs.add(pair(9, C, LogLevel.ERROR, 0, 70, 1)); // ...and C
    pairs.add(pair(10, C, LogLevel.WARN, 0, 10, 2, 50, 2)); // not an error
    List<ScoredPair> scored = score(pairs, Set.of());
    assertThat(scored).extracting(ScoredPair::pair).containsExactly(new TemplateNode(8, B));
    assertThat(kinds(scored.get(0))).containsExactly(AnomalyReason.ONE_NODE);
    assertThat(scored.get(0).reasons().get(0).detail())
        .isEqualTo("4 ERROR/FATAL records of a template found on this node only (1 of 3 nodes)");

    List<TemplateNodeCounts> oneNodeBundle = List.of(pair(1, A, LogLevel.INFO, 10), pair(8, A, LogLevel.ERROR, 0, 10, 4));
    assertThat(score(oneNodeBundle, Set.of())).isEmpty();
  }

  @Test
  void reasonsAddUpToAtMostOneAndTheHighestScoreComesFirst() {
    List<TemplateNodeCounts> pairs = background();
    pairs.add(pair(11, A, LogLevel.FATAL, 0, 30, 40)); // new + burst + one_node = 0.4 + 0.5 + 0.25
    pairs.add(pair(12, B, LogLevel.ERROR, 0, 10, 1)); // new + rare = 0.7
    pairs.add(pair(13, C, LogLevel.ERROR, 0, 10, 1)); // rare = 0.3
    List<ScoredPair> scored = score(pairs, Set.of(11L, 12L));
    assertThat(scored).extracting(ScoredPair::templateId, ScoredPair::score).containsExactly(
        org.assertj.core.groups.Tuple.tuple(11L, 1.0), org.assertj.core.groups.Tuple.tuple(12L, 0.7),
        org.assertj.core.groups.Tuple.tuple(13L, 0.3));
    assertThat(kinds(scored.get(0))).containsExactly(AnomalyReason.BURST, AnomalyReason.NEW, AnomalyReason.ONE_NODE);
    assertThat(scored.get(0).reasons()).extracting(AnomalyReason::contribution).containsExactly(0.5, 0.4, 0.25);
  }
}
