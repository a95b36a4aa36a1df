package io.bundlescope.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.bundlescope.index.Bucket;
import io.bundlescope.index.BundleIndexWriter;
import io.bundlescope.index.GroupField;
import io.bundlescope.index.LogQuery;
import io.bundlescope.index.TemplateStat;
import io.bundlescope.parsers.LogRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Template ids: stored, read back, filtered, grouped and summarized per template. */
class LuceneLogStoreTemplatesTest {
  @TempDir Path root;
  private LuceneLogStore store;

  /** Record n has template n % 4 (0: none); a commit every 100 records makes several segments. */
  @BeforeEach
  void write() {
    store = new LuceneLogStore(root, Duration.ZERO);
    BundleIndexWriter w = store.writer("b1");
    for (int n = 0; n < 400; n++) {
      w.add(Fixtures.record("b1", n, "message " + n).withTemplateId(n % 4));
      if (n % 100 == 99) w.commit();
    }
    w.commit();
  }

  @AfterEach
  void close() throws Exception {
    store.close();
  }

  private static LogQuery withTemplates(Long... ids) {
    LogQuery all = LogQuery.all(List.of("b1"));
    return new LogQuery(all.bundleIds(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, 500,
        null, false, Set.of(), null, Set.of(ids));
  }

  @Test
  void aRecordKeepsItsTemplateIdAndCanBeFilteredByIt() {
    List<LogRecord> threes = store.search(withTemplates(3L)).records();
    assertThat(threes).hasSize(100).allSatisfy(r -> assertThat(r.templateId()).isEqualTo(3));
    assertThat(store.count(withTemplates(1L, 2L))).isEqualTo(200);
    assertThat(store.search(LogQuery.all(List.of("b1")).withPage(4, null)).records())
        .extracting(LogRecord::templateId).containsExactly(0L, 1L, 2L, 3L);
  }

  @Test
  void recordsGroupByTemplateAndThoseWithoutOneAreInNoBucket() {
    assertThat(store.aggregate(LogQuery.all(List.of("b1")), GroupField.TEMPLATE_ID))
        .containsExactly(new Bucket("1", 100), new Bucket("2", 100), new Bucket("3", 100));
  }

  @Test
  void eachTemplateIsSummarizedWithItsTimesNodesAndServices() {
    List<TemplateStat> stats = store.templates(LogQuery.all(List.of("b1")));
    assertThat(stats).extracting(TemplateStat::templateId).containsExactly(1L, 2L, 3L);
    TemplateStat one = stats.get(0);
    List<LogRecord> ones = store.search(withTemplates(1L)).records();
    assertThat(one.count()).isEqualTo(100);
    assertThat(one.firstMicros()).isEqualTo(ones.get(0).timeMicros());
    assertThat(one.lastMicros()).isEqualTo(ones.get(ones.size() - 1).timeMicros());
    assertThat(one.nodes()).containsExactlyElementsOf(ones.stream().map(LogRecord::cvmIp)
        .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
    assertThat(one.services()).containsExactlyElementsOf(ones.stream().map(LogRecord::service)
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
  }
}
