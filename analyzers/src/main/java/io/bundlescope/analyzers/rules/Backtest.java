package io.bundlescope.analyzers.rules;

import io.bundlescope.parsers.LogRecord;
import java.util.List;

/**
 * What a rule would have found in one bundle: its first step's matching records (count and the
 * first few) and the hits its condition makes of them, or why it could not run there.
 */
public record Backtest(String bundleId, long matches, List<RuleHit> hits, List<LogRecord> samples, String skipped) {
  public Backtest {
    hits = List.copyOf(hits);
    samples = List.copyOf(samples);
  }
}
