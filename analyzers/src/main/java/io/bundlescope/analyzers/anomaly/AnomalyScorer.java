package io.bundlescope.analyzers.anomaly;

import io.bundlescope.index.TemplateNodeCounts;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.index.Intervals;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scores every (template, node) pair of a bundle from its statistics alone (pure: no index, no
 * clock). Reasons, each adding its contribution (sum capped at 1):
 *
 * <ul>
 *   <li>{@code rare}: the template has at most max({@code rareMaxCount}, {@code rareMaxShare} x
 *       records) records in a bundle of at least {@code rareMinRecords};
 *   <li>{@code new}: the template was first mined in this bundle, and the node knew the templates
 *       of at least {@code newMinKnownShare} of the bundle's records (else nothing is "new" in an
 *       informative way: a fresh node, or a product the node never saw);
 *   <li>{@code burst}: the pair's largest slot count has a robust z-score of at least {@code
 *       burstZ} against the pair's own slots (median, MAD; the scale is at least 1 record) and
 *       at least {@code burstMinCount} records;
 *   <li>{@code one_node}: the template has ERROR/FATAL records, at least {@code oneNodeMinCount}
 *       of them, on one node only while the bundle has at least {@code oneNodeMinNodes} nodes.
 * </ul>
 *
 * rare, new and burst are scaled by the pair's worst level ({@code warnFactor}, {@code
 * quietFactor}). Only pairs with a reason are returned, highest score first (then fewer records,
 * template id, node).
 */
public final class AnomalyScorer {
  private static final double MAD_TO_SIGMA = 1.4826;
  private final AnomalySettings s;

  public AnomalyScorer(AnomalySettings settings) {
    this.s = settings;
  }

  public List<ScoredPair> score(AnomalyInput in) {
    long records = 0;
    long known = 0;
    Map<Long, Long> templateCount = new HashMap<>();
    Map<Long, Set<String>> templateNodes = new HashMap<>();
    Set<String> nodes = new HashSet<>();
    for (TemplateNodeCounts p : in.pairs()) {
      records += p.count();
      if (!in.newTemplates().contains(p.templateId())) known += p.count();
      templateCount.merge(p.templateId(), p.count(), Long::sum);
      templateNodes.computeIfAbsent(p.templateId(), k -> new HashSet<>()).add(p.cvmIp() == null ? "" : p.cvmIp());
      if (p.cvmIp() != null) nodes.add(p.cvmIp());
    }
    double knownShare = records == 0 ? 0 : (double) known / records;
    long rareLimit = Math.max(s.rareMaxCount(), (long) Math.floor(s.rareMaxShare() * records));

    List<ScoredPair> out = new ArrayList<>();
    for (TemplateNodeCounts p : in.pairs()) {
      List<AnomalyReason> reasons = new ArrayList<>();
      double factor = levelFactor(p);
      long total = templateCount.get(p.templateId());
      if (records >= s.rareMinRecords() && total <= rareLimit) {
        double c = factor * s.rareWeight() * (rareLimit + 1 - total) / rareLimit;
        reasons.add(new AnomalyReason(AnomalyReason.RARE, "template seen " + times(total) + " in " + records
            + " records (rare: at most " + rareLimit + ")", c));
      }
      if (in.newTemplates().contains(p.templateId()) && knownShare >= s.newMinKnownShare()) {
        reasons.add(new AnomalyReason(AnomalyReason.NEW, String.format(Locale.ROOT,
            "template never seen on this node before this bundle (%.0f%% of the bundle's records have known templates)",
            100 * knownShare), factor * s.newWeight()));
      }
      burst(p, in, factor).ifPresent(reasons::add);
      if (p.errors() >= s.oneNodeMinCount() && nodes.size() >= s.oneNodeMinNodes() && p.cvmIp() != null
          && templateNodes.get(p.templateId()).size() == 1) {
        reasons.add(new AnomalyReason(AnomalyReason.ONE_NODE, p.errors() + " ERROR/FATAL records of a template found on this node"
            + " only (1 of " + nodes.size() + " nodes)", s.oneNodeWeight()));
      }
      if (reasons.isEmpty()) continue;
      reasons.sort(Comparator.comparingDouble(AnomalyReason::contribution).reversed());
      double score = Math.min(1, reasons.stream().mapToDouble(AnomalyReason::contribution).sum());
      out.add(new ScoredPair(p.templateId(), p.cvmIp(), p.count(), p.errors(), round(score),
          reasons.stream().map(r -> new AnomalyReason(r.kind(), r.detail(), round(r.contribution()))).toList()));
    }
    out.sort(Comparator.comparingDouble(ScoredPair::score).reversed()
        .thenComparingLong(ScoredPair::count)
        .thenComparingLong(ScoredPair::templateId)
        .thenComparing(ScoredPair::cvmIp, Comparator.nullsFirst(Comparator.naturalOrder())));
    return out;
  }

  private Optional<AnomalyReason> burst(TemplateNodeCounts p, AnomalyInput in, double factor) {
    int[] slots = p.slots();
    if (slots.length == 0) return Optional.empty();
    int peak = 0;
    for (int i = 1; i < slots.length; i++) if (slots[i] > slots[peak]) peak = i;
    if (slots[peak] < s.burstMinCount()) return Optional.empty();
    double median = median(Arrays.stream(slots).asDoubleStream().toArray());
    double mad = median(Arrays.stream(slots).mapToDouble(v -> Math.abs(v - median)).toArray());
    double z = (slots[peak] - median) / Math.max(MAD_TO_SIGMA * mad, 1);
    if (z < s.burstZ()) return Optional.empty();
    double c = factor * s.burstWeight() * Math.min(1, 0.5 + 0.5 * (z - s.burstZ()) / s.burstZ());
    Instant at = Instant.EPOCH.plus(in.originMicros() + peak * in.slotMicros(), ChronoUnit.MICROS);
    return Optional.of(new AnomalyReason(AnomalyReason.BURST, String.format(Locale.ROOT,
        "%d records in the %s slot from %s, %s per slot usually (robust z %.1f)", slots[peak],
        Intervals.format(in.slotMicros()), at, trim(median), z), c));
  }

  private double levelFactor(TemplateNodeCounts p) {
    LogLevel worst = p.levels().keySet().stream().filter(l -> l != LogLevel.UNKNOWN).min(Comparator.naturalOrder())
        .orElse(LogLevel.UNKNOWN);
    if (worst == LogLevel.FATAL || worst == LogLevel.ERROR) return 1;
    return worst == LogLevel.WARN ? s.warnFactor() : s.quietFactor();
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private static String times(long n) {
    return n == 1 ? "once" : n + " times";
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
