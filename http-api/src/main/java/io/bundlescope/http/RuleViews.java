package io.bundlescope.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.bundlescope.analyzers.rules.Backtest;
import io.bundlescope.analyzers.rules.RuleFormat;
import io.bundlescope.analyzers.rules.RuleHit;
import io.bundlescope.protocol.api.LogRecordView;
import io.bundlescope.protocol.api.Micros;
import io.bundlescope.store.RuleVersion;
import io.bundlescope.store.StoredRule;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of {@code /rules}; a rule itself is always in its file format (docs/rules.md). */
final class RuleViews {
  private RuleViews() {}

  /** A stored rule: the rule and its state here. */
  record RuleView(JsonNode rule, boolean enabled, String origin, Instant updatedAt) {
    static RuleView of(StoredRule row) {
      return new RuleView(readTree(row.definitionJson()), row.enabled(), row.origin(), row.updatedAt());
    }
  }

  record RuleList(List<RuleView> rules) {}

  record VersionView(int version, String change, boolean enabled, Instant changedAt, String changedBy, JsonNode rule) {
    static VersionView of(RuleVersion v) {
      return new VersionView(v.version(), v.change(), v.enabled(), v.changedAt(), v.changedBy(), readTree(v.definitionJson()));
    }
  }

  record History(String ruleId, List<VersionView> versions) {}

  record Imported(List<String> created, List<String> updated, List<String> unchanged) {}

  record Deleted(String ruleId, boolean deleted) {}

  /** Where a rule fired in a backtest, on a node (null: cluster-wide). */
  record HitView(String node, Instant firstTime, Instant lastTime, long count, int peak, boolean truncated,
      List<String> evidence) {
    static HitView of(RuleHit h) {
      return new HitView(h.node(), Micros.toInstant(h.firstMicros()), Micros.toInstant(h.lastMicros()), h.count(),
          h.peak(), h.truncated(), h.evidence());
    }
  }

  record BundleBacktest(String logBundleId, long matches, List<HitView> hits, List<LogRecordView> samples,
      String skipped) {
    static BundleBacktest of(Backtest b) {
      return new BundleBacktest(b.bundleId(), b.matches(), b.hits().stream().map(HitView::of).toList(),
          b.samples().stream().map(LogRecordView::of).toList(), b.skipped());
    }
  }

  /**
   * A rule (drafted or sent) and what it finds in the bundles this node holds; {@code notHere}
   * are analyzed bundles held by other nodes, not searched.
   */
  record BacktestView(JsonNode rule, List<BundleBacktest> bundles, List<String> notHere) {
    static BacktestView of(io.bundlescope.analyzers.rules.Rule rule, List<Backtest> tests, List<String> notHere) {
      return new BacktestView(RuleFormat.toJson(rule), tests.stream().map(BundleBacktest::of).toList(), notHere);
    }
  }

  private static JsonNode readTree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a stored rule is not JSON", e);
    }
  }
}
