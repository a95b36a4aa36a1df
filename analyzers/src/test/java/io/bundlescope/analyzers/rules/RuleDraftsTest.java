package io.bundlescope.analyzers.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.bundlescope.analyzers.templates.Masker;
import io.bundlescope.index.BundleIndexWriter;
import io.bundlescope.index.lucene.LuceneLogStore;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleDraftsTest {
  @TempDir Path dir;

  private static LogRecord record(String id, String service, LogLevel level, long time, String message) {
    return new LogRecord(id, "b1", message, service, service + ".INFO", "n/" + service, time, "t", level,
        service + ".INFO", 7L, "10.0.0.1", 0, time, "c-" + service);
  }

  @Test
  void variablesBecomeWildcardsAndWordsStay() {
    LogRecord r = record("x", "stargate", LogLevel.FATAL, 1,
        "Check failed: num_bytes == 4096 (4096 vs. 0) vdisk 10.1.2.3:2009\n  @ 0x7f stack frame");
    Rule rule = RuleDrafts.draft(r, Masker.defaults());
    assertThat(rule.match().template()).isEqualTo("Check failed: num_bytes == <*> (<*> vs. <*>) vdisk <*>");
    assertThat(rule.id()).isEqualTo("stargate-check-failed-num-bytes-vs-vdisk");
    assertThat(rule.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(rule.scope().services()).containsExactly("stargate");
    assertThat(rule.match().levels()).containsExactly(LogLevel.FATAL);
    assertThat(rule.title()).startsWith("Stargate: Check failed:");
    assertThat(RuleValidation.problems(rule)).isEmpty();
  }

  @Test
  void aLongMessageIsMatchedOnItsHead() {
    String words = "word ".repeat(100).strip();
    Rule rule = RuleDrafts.draft(record("x", "genesis", LogLevel.ERROR, 1, words), Masker.defaults());
    assertThat(rule.match().template().split(" ")).hasSize(RuleDrafts.MAX_WORDS);
  }

  @Test
  void backtestFindsTheSameEventWithOtherValuesAndNothingElse() throws Exception {
    try (LuceneLogStore store = new LuceneLogStore(dir, Duration.ZERO)) {
      BundleIndexWriter w = store.writer("b1");
      LogRecord clicked = record("r1", "stargate", LogLevel.ERROR, 1_000_000, "Timed out waiting for oplog 12 after 30 s");
      w.add(clicked);
      w.add(record("r2", "stargate", LogLevel.ERROR, 2_000_000, "Timed out waiting for oplog 977 after 45 s"));
      w.add(record("r3", "stargate", LogLevel.ERROR, 3_000_000, "Timed out waiting for lock 12 after 30 s"));
      w.add(record("r4", "cerebro", LogLevel.ERROR, 4_000_000, "Timed out waiting for oplog 5 after 1 s"));
      w.add(record("r5", "stargate", LogLevel.INFO, 5_000_000, "Timed out waiting for oplog 5 after 1 s"));
      w.commit();
      Rule rule = RuleDrafts.draft(clicked, Masker.defaults());
      Backtest test = new RuleChecker(store).backtest("b1", rule, 10);
      assertThat(test.skipped()).isNull();
      assertThat(test.matches()).isEqualTo(2);
      assertThat(test.samples()).extracting(LogRecord::id).containsExactly("r1", "r2");
      assertThat(test.hits()).singleElement().satisfies(h -> assertThat(h.evidence()).containsExactly("r1"));
      Backtest elsewhere = new RuleChecker(store).backtest("b1", new Rule(rule.id(), 0, "t", Severity.INFO, null,
          new RuleScope(List.of("curator"), List.of(), List.of()), rule.match(), null, null, null, null), 10);
      assertThat(elsewhere.skipped()).isEqualTo("no logs of curator in the bundle");
    }
  }
}
