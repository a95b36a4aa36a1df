package io.bundlescope.analyzers.anomaly;

import io.bundlescope.analyzers.templates.ChangeType;
import io.bundlescope.analyzers.templates.InsertResult;
import io.bundlescope.analyzers.templates.Masker;
import io.bundlescope.analyzers.templates.MinerSettings;
import io.bundlescope.analyzers.templates.TemplateMiner;
import io.bundlescope.index.Intervals;
import io.bundlescope.index.TemplateNode;
import io.bundlescope.index.TemplateNodeCounts;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.line.Header;
import io.bundlescope.parsers.line.HeaderParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Precision and recall of the anomaly flag on loghub's BGL 2k sample, whose first column is an
 * alert label ({@code -} = normal): lines are read by the product's {@link HeaderParser} (time,
 * level; BG/L's SEVERE is ERROR as in its BglFormat), templates mined by a fresh default {@link
 * TemplateMiner}, scored by {@link AnomalyScorer} with the default settings, and a record is
 * flagged when its (template, node) pair scores at least {@code flag}.
 *
 * <p>Setups: {@code whole} (all 2,000 lines are one bundle on a fresh node, so no template is
 * {@code new}); {@code history} (the first 1,000 lines are earlier bundles the node's library
 * learnt from, the last 1,000 the bundle scored). Node = BGL's node column ({@code NULL}: none)
 * or its midplane ({@code R02-M1}). Per reason: the records whose pair has that reason. Baseline:
 * flag every FATAL record.
 *
 * <p>Run (from the repository root, after a build of analyzers' test classes):
 * <pre>
 * mvn -B -o -q -pl analyzers -am test -Dtest=BglAnomalyEvalTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * (the test prints the table; skipped without ../shared/data/loghub-dev/BGL).
 */
public final class BglAnomalyEval {
  private BglAnomalyEval() {}

  /** One BGL line. */
  record Line(boolean alert, String node, long timeMicros, LogLevel level, String message) {}

  /** Precision, recall and F1 of one flag. */
  record Figures(String flag, long flagged, long truePositives, long alerts) {
    double precision() {
      return flagged == 0 ? 0 : (double) truePositives / flagged;
    }

    double recall() {
      return alerts == 0 ? 0 : (double) truePositives / alerts;
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  public static void main(String[] args) throws IOException {
    Optional<Path> file = file(args.length > 0 ? args[0] : null);
    if (file.isEmpty()) {
      System.out.println("BGL sample not found under ../shared/data/loghub-dev; nothing to evaluate");
      return;
    }
    print(read(file.get()), AnomalySettings.defaults(), System.out);
  }

  static Optional<Path> file(String dataDir) {
    List<Path> candidates = dataDir != null ? List.of(Path.of(dataDir))
        : List.of(Path.of("../shared/data/loghub-dev"), Path.of("../../shared/data/loghub-dev"));
    for (Path p : candidates) {
      Path f = p.resolve("BGL/BGL_2k.log");
      if (Files.isRegularFile(f)) return Optional.of(f);
    }
    return Optional.empty();
  }

  static List<Line> read(Path file) throws IOException {
    HeaderParser parser = new HeaderParser(2005, ZoneOffset.UTC);
    List<Line> lines = new ArrayList<>();
    for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (raw.isBlank()) continue;
      String line = raw.strip();
      Header h = parser.parse(line);
      if (h == null) throw new IOException("not a BGL line: " + line);
      String[] cols = line.split(" ", 5);
      String node = cols[3].equals("NULL") ? null : cols[3];
      lines.add(new Line(!cols[0].equals("-"), node, h.timeMicros(), h.level(), line.substring(h.messageStart())));
    }
    return lines;
  }

  /** BGL's node column, or its midplane (rack-midplane, e.g. R02-M1). */
  static final Map<String, Function<String, String>> NODES = new LinkedHashMap<>();

  static {
    NODES.put("node", n -> n);
    NODES.put("midplane", n -> n == null || !n.startsWith("R") || n.length() < 6 ? n : n.substring(0, 6));
  }

  /** Every setup's figures. */
  static Map<String, List<Figures>> evaluate(List<Line> lines, AnomalySettings settings) {
    Map<String, List<Figures>> out = new LinkedHashMap<>();
    for (Map.Entry<String, Function<String, String>> nodes : NODES.entrySet()) {
      out.put("whole, " + nodes.getKey(), run(lines, 0, settings, nodes.getValue()));
      out.put("history, " + nodes.getKey(), run(lines, lines.size() / 2, settings, nodes.getValue()));
    }
    return out;
  }

  /** Lines before {@code scoredFrom} only teach the miner; the rest are the bundle. */
  static List<Figures> run(List<Line> lines, int scoredFrom, AnomalySettings settings, Function<String, String> nodeOf) {
    TemplateMiner miner = new TemplateMiner(Masker.defaults(), MinerSettings.defaults());
    for (Line l : lines.subList(0, scoredFrom)) miner.add(l.message());
    List<Line> bundle = lines.subList(scoredFrom, lines.size());
    long[] templates = new long[bundle.size()];
    Set<Long> fresh = new HashSet<>();
    for (int i = 0; i < templates.length; i++) {
      InsertResult r = miner.add(bundle.get(i).message());
      templates[i] = r.templateId();
      if (r.change() == ChangeType.CREATED) fresh.add(r.templateId());
    }
    long from = bundle.stream().mapToLong(Line::timeMicros).min().orElseThrow();
    long to = bundle.stream().mapToLong(Line::timeMicros).max().orElseThrow() + 1;
    long width = Intervals.auto(from, to);
    long origin = Math.floorDiv(from, width) * width;
    int slots = (int) Intervals.slots(from, to, width);

    Map<TemplateNode, int[]> series = new HashMap<>();
    Map<TemplateNode, Map<LogLevel, Long>> levels = new HashMap<>();
    List<TemplateNode> pairOf = new ArrayList<>();
    for (int i = 0; i < templates.length; i++) {
      Line l = bundle.get(i);
      TemplateNode pair = new TemplateNode(templates[i], nodeOf.apply(l.node()));
      pairOf.add(pair);
      int slot = (int) Math.min(slots - 1, Math.floorDiv(l.timeMicros() - origin, width));
      series.computeIfAbsent(pair, k -> new int[slots])[slot]++;
      levels.computeIfAbsent(pair, k -> new EnumMap<>(LogLevel.class)).merge(l.level(), 1L, Long::sum);
    }
    List<TemplateNodeCounts> pairs = new ArrayList<>();
    series.forEach((p, s) -> pairs.add(new TemplateNodeCounts(p.templateId(), p.cvmIp(),
        levels.get(p).values().stream().mapToLong(Long::longValue).sum(), levels.get(p), s)));
    Map<TemplateNode, ScoredPair> scored = new HashMap<>();
    for (ScoredPair s : new AnomalyScorer(settings).score(new AnomalyInput(pairs, fresh, origin, width))) {
      scored.put(s.pair(), s);
    }

    List<Figures> figures = new ArrayList<>();
    figures.add(figures("score >= " + settings.flag(), bundle, pairOf,
        i -> Optional.ofNullable(scored.get(pairOf.get(i))).map(s -> s.score() >= settings.flag()).orElse(false)));
    for (String kind : List.of(AnomalyReason.RARE, AnomalyReason.NEW, AnomalyReason.BURST, AnomalyReason.ONE_NODE)) {
      figures.add(figures("has " + kind, bundle, pairOf, i -> Optional.ofNullable(scored.get(pairOf.get(i)))
          .map(s -> s.reasons().stream().anyMatch(r -> r.kind().equals(kind))).orElse(false)));
    }
    figures.add(figures("baseline: level FATAL", bundle, pairOf, i -> bundle.get(i).level() == LogLevel.FATAL));
    return figures;
  }

  private static Figures figures(String name, List<Line> bundle, List<TemplateNode> pairOf, Predicate<Integer> flagged) {
    long n = 0;
    long tp = 0;
    long alerts = 0;
    for (int i = 0; i < bundle.size(); i++) {
      boolean alert = bundle.get(i).alert();
      if (alert) alerts++;
      if (flagged.test(i)) {
        n++;
        if (alert) tp++;
      }
    }
    return new Figures(name, n, tp, alerts);
  }

  static void print(List<Line> lines, AnomalySettings settings, PrintStream out) {
    for (Map.Entry<String, List<Figures>> e : evaluate(lines, settings).entrySet()) {
      out.println("== " + e.getKey() + " (alerts: " + e.getValue().get(0).alerts() + ")");
      out.println("flag                     flagged  true+  precision  recall     F1");
      for (Figures f : e.getValue()) {
        out.printf(Locale.ROOT, "%-24s %7d  %5d  %9.3f  %6.3f  %5.3f%n", f.flag(), f.flagged(), f.truePositives(),
            f.precision(), f.recall(), f.f1());
      }
    }
  }
}
