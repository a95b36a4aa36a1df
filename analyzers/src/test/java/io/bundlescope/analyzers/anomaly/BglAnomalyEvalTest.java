package io.bundlescope.analyzers.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Prints the anomaly flag's precision and recall on loghub's BGL sample when it is present
 * beside the repository ({@code ../shared/data/loghub-dev}); skipped without it. It asserts only
 * what the data fixes (the sample has 2,000 lines, 143 of them alerts), not the figures.
 */
class BglAnomalyEvalTest {

  @Test
  void printsPrecisionAndRecallOfTheFlagAgainstBglsAlertLabels() throws IOException {
    Optional<Path> file = BglAnomalyEval.file(null);
    assumeTrue(file.isPresent(), "BGL sample not found at ../shared/data/loghub-dev/BGL: not evaluated");
    List<BglAnomalyEval.Line> lines = BglAnomalyEval.read(file.get());
    assertThat(lines).hasSize(2000);
    assertThat(lines.stream().filter(BglAnomalyEval.Line::alert)).hasSize(143);
    BglAnomalyEval.print(lines, AnomalySettings.defaults(), System.out);
  }
}
