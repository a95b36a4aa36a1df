package io.bundlescope.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.bundlescope.index.BundleIndexWriter;
import io.bundlescope.index.LogQuery;
import io.bundlescope.index.TemplateNode;
import io.bundlescope.index.TemplateNodeCounts;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The (template, node) pair filter and per-pair counts on a real index: template 1 on node A
 * (3 records) and B (2), template 2 on A (2) and B (4), template 3 on no node (2), spread over
 * two segments.
 */
class LuceneLogStoreTemplateNodesTest {
  private static final String A = "10.0.0.1";
  private static final String B = "10.0.0.2";
  private static final long MINUTE = 60_000_000L;
  @TempDir Path root;
  private LuceneLogStore store;
  private int n;

  @BeforeEach
  void write() {
    store = new LuceneLogStore(root, Duration.ZERO);
    BundleIndexWriter w = store.writer("b1");
    add(w, 1, A, LogLevel.INFO, 0, 0, 0);
    add(w, 1, B, LogLevel.INFO, 0, 1);
    add(w, 2, A, LogLevel.ERROR, 2, 2);
    w.commit();
    add(w, 2, B, LogLevel.WARN, 3, 3, 3, 4);
    add(w, 3, null, LogLevel.FATAL, 4, 4);
    w.commit();
  }

  /** Records of a template on a node, one per given minute. */
  private void add(BundleIndexWriter w, long template, String node, LogLevel level, int... minutes) {
    for (int m : minutes) {
      n++;
      w.add(Fixtures.record("b1", n, "stargate", node, level, 3100L, Fixtures.T0 + m * MINUTE, "message " + n, "c1")
          .withTemplateId(template));
    }
  }

  @AfterEach
  void close() throws Exception {
    store.close();
  }

  private static LogQuery pairs(TemplateNode... pairs) {
    return LogQuery.all(List.of("b1")).withPage(100, null).withTemplateNodes(Set.of(pairs));
  }

  @Test
  void aPairFilterMatchesItsPairsOnlyNotTheCrossProductOfTheirTemplatesAndNodes() {
    List<LogRecord> found = store.search(pairs(new TemplateNode(1, A), new TemplateNode(2, B))).records();
    assertThat(found).hasSize(7).allSatisfy(r -> assertThat(List.of(r.templateId(), r.cvmIp()))
        .isIn(List.of(1L, A), List.of(2L, B)));
    assertThat(store.count(pairs(new TemplateNode(1, B)))).isEqualTo(2);
  }

  @Test
  void aNullNodeMeansRecordsWithoutANodeAndAnEmptySetMatchesNothing() {
    assertThat(store.search(pairs(new TemplateNode(3, null))).records())
        .extracting(LogRecord::templateId, LogRecord::cvmIp).containsOnly(org.assertj.core.groups.Tuple.tuple(3L, null));
    assertThat(store.count(pairs(new TemplateNode(3, null)))).isEqualTo(2);
    assertThat(store.count(pairs(new TemplateNode(3, A)))).isZero();
    assertThat(store.count(pairs())).isZero();
    assertThat(store.count(LogQuery.all(List.of("b1")).withTemplateNodes(null))).isEqualTo(13);
  }

  @Test
  void aPairFilterCombinesWithTheOtherFilters() {
    LogQuery errorsOfBothPairs = pairs(new TemplateNode(2, A), new TemplateNode(2, B)).withLevels(Set.of(LogLevel.ERROR));
    assertThat(store.count(errorsOfBothPairs)).isEqualTo(2);
    assertThat(store.count(pairs(new TemplateNode(1, A), new TemplateNode(2, B)).withTimeRange(Fixtures.T0 + 3 * MINUTE, null)))
        .isEqualTo(4);
  }

  @Test
  void countsPerTemplateAndNodeComeWithLevelsAndATimeSeries() {
    List<TemplateNodeCounts> counts = store.templateNodes(LogQuery.all(List.of("b1")), Fixtures.T0, MINUTE, 4);
    assertThat(counts).extracting(TemplateNodeCounts::pair).containsExactly(new TemplateNode(2, B),
        new TemplateNode(1, A), new TemplateNode(1, B), new TemplateNode(2, A), new TemplateNode(3, null));
    TemplateNodeCounts twoOnB = counts.get(0);
    assertThat(twoOnB.count()).isEqualTo(4);
    assertThat(twoOnB.levels()).isEqualTo(Map.of(LogLevel.WARN, 4L));
    assertThat(twoOnB.slots()).containsExactly(0, 0, 0, 4); // minute 4 is past the series: its last slot
    assertThat(counts.get(1).slots()).containsExactly(3, 0, 0, 0);
    assertThat(counts.get(3).errors()).isEqualTo(2);
    assertThat(counts.get(4).levels()).isEqualTo(Map.of(LogLevel.FATAL, 2L));
    assertThat(store.templateNodes(pairs(new TemplateNode(1, B)), Fixtures.T0, MINUTE, 4))
        .extracting(TemplateNodeCounts::pair).containsExactly(new TemplateNode(1, B));
  }
}
