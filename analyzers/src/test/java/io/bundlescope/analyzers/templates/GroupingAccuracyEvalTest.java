package io.bundlescope.analyzers.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Prints the grouping accuracy on the loghub samples when they are present beside the
 * repository ({@code ../shared/data/loghub-dev}) and guards the average; skipped without them.
 */
class GroupingAccuracyEvalTest {

  @Test
  void scoresTheLoghubSamplesAtLeastNinetyFivePercentOnAverage() throws IOException {
    Optional<Path> data = GroupingAccuracyEval.dataDir(null);
    assumeTrue(data.isPresent(), "loghub-dev samples not found at ../shared/data/loghub-dev: not evaluated");

    List<GroupingAccuracyEval.Score> scores =
        GroupingAccuracyEval.evaluate(data.get(), MinerSettings.defaults(), Masker.defaults());
    GroupingAccuracyEval.print(scores, System.out);

    double average = scores.stream().mapToDouble(GroupingAccuracyEval.Score::corrected).average().orElseThrow();
    assertTrue(average >= 0.95, "average GA " + average);
  }

  @Test
  void scoresAPerfectGroupingOneAndAMergedPairOfGroupsZeroForThoseMessages() {
    List<String> truth = List.of("E1", "E1", "E2", "E3");
    assertEquals(1.0, GroupingAccuracyEval.accuracy(new long[] {7, 7, 8, 9}, truth));
    assertEquals(0.25, GroupingAccuracyEval.accuracy(new long[] {7, 7, 7, 9}, truth));
    assertEquals(0.5, GroupingAccuracyEval.accuracy(new long[] {7, 6, 8, 9}, truth));
  }
}
