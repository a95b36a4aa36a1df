package io.bundlescope.bench;

import io.bundlescope.index.GroupField;
import io.bundlescope.index.Histogram;
import io.bundlescope.index.LogQuery;
import io.bundlescope.index.lucene.LuceneLogStore;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.testbundles.BundleGenerator;
import io.bundlescope.testbundles.BundleSpec;
import io.bundlescope.testbundles.Expected;
import io.bundlescope.testbundles.Layout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Query benchmark: a generated directory bundle (cached by record count, seed and nodes) indexed
 * in this process, then p50/p95 of four questions asked of the {@code LogStore}, and the first
 * asked of {@code rg} over the same unpacked files in the same run. Run by
 * {@code bench/run-query.sh}; options:
 *
 * <pre>
 * --bundles DIR     where bundles are generated and cached (required)
 * --records N       records in the bundle (default 10000000)   --seed 1   --nodes 3
 * --work DIR        scratch for staging and the index (default: the temp dir)
 * --runs 50  --warmup 10  --rg-runs 5  --threads N (indexing; default: available processors)
 * </pre>
 *
 * The questions: (a) search: service {@code stargate}, level ERROR, a random 1/4 of the time
 * span, the word {@code kTimeout}, first page of 100 and the total; (b) facet: counts per node of
 * the ERROR records; (c) histogram of every record, automatic interval (the UI's bars), and (c')
 * the same split by level (every record visited); (d) heatmap: node x time of the ERROR and
 * FATAL records. {@code rg} answers (a) without the time
 * range (it cannot compare times), which only makes its job easier.
 */
public final class QueryBench {
  private static final String BUNDLE_ID = "query-bench";

  private QueryBench() {}

  public static void main(String[] args) throws Exception {
    Path bundles = null;
    Path work = Path.of(System.getProperty("java.io.tmpdir"));
    long records = 10_000_000;
    long seed = 1;
    int nodes = 3;
    int runs = 50;
    int warmup = 10;
    int rgRuns = 5;
    int threads = Runtime.getRuntime().availableProcessors();
    for (int i = 0; i < args.length; i++) {
      if (i + 1 == args.length) usage(args[i] + " needs a value");
      switch (args[i]) {
        case "--bundles" -> bundles = Path.of(args[++i]).toAbsolutePath();
        case "--work" -> work = Path.of(args[++i]).toAbsolutePath();
        case "--records" -> records = Long.parseLong(args[++i].replace("_", ""));
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--nodes" -> nodes = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--rg-runs" -> rgRuns = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        default -> usage("unknown option " + args[i]);
      }
    }
    if (bundles == null) usage("--bundles is required");

    Path bundle = obtain(bundles, records, seed, nodes);
    Path scratch = TempDirs.create(work, "query-bench-");
    try (LuceneLogStore store = new LuceneLogStore(scratch.resolve("index"), Duration.ZERO)) {
      QueryIndex index = QueryIndex.build(bundle, scratch.resolve("staging"), store, scratch.resolve("index"),
          BUNDLE_ID, threads);
      System.out.printf(Locale.ROOT, "bundle   %s%nindexed  %,d records in %.1f s (%,.0f records/s, %d threads)"
          + "%nindex    %,d bytes = %.1f bytes/record%n%n", bundle, index.records(), index.seconds(),
          index.records() / index.seconds(), threads, index.indexBytes(), index.indexBytes() / (double) index.records());
      Questions q = new Questions(store, span(store));
      row("(a) search", Latencies.measure(warmup, runs, q::search));
      row("(b) facet", Latencies.measure(warmup, runs, q::facet));
      row("(c) histogram", Latencies.measure(warmup, runs, q::histogram));
      row("(c') by level", Latencies.measure(warmup, runs, q::histogramByLevel));
      row("(d) heatmap", Latencies.measure(warmup, runs, q::heatmap));
      Latencies rg = Ripgrep.available() ? Latencies.measure(1, rgRuns, () -> Ripgrep.countSearch(bundle)) : null;
      if (rg == null) {
        System.out.println("rg       not installed (apt-get install -y ripgrep): no baseline");
      } else {
        row("rg (a)", rg);
        Latencies a = Latencies.measure(0, runs, q::search);
        System.out.printf(Locale.ROOT, "%nrg p50 / search p50 = %.0fx (same run, search re-measured)%n",
            rg.percentile(50) / a.percentile(50));
      }
    } finally {
      TempDirs.delete(scratch);
    }
  }

  private static void row(String name, Latencies l) {
    System.out.printf(Locale.ROOT, "%-14s p50 %8.2f ms   p95 %8.2f ms   max %8.2f ms   (%d runs)   answer %s%n",
        name, l.percentile(50), l.percentile(95), l.millis()[l.millis().length - 1], l.millis().length, l.answer());
  }

  /** [first, last] record time of the bundle, micros. */
  private static long[] span(LuceneLogStore store) {
    Histogram h = store.histogram(LogQuery.all(List.of(BUNDLE_ID)), null, null);
    long first = h.slots().get(0).startMicros();
    long last = h.slots().get(h.slots().size() - 1).startMicros() + h.intervalMicros();
    return new long[] {first, last};
  }

  /** The generated bundle: plain files (no glog copies, no rotated archives), so rg reads each record once. */
  private static Path obtain(Path bundles, long records, long seed, int nodes) throws IOException {
    Path dir = bundles.resolve("query-" + records + "-s" + seed + "-n" + nodes);
    Path expected = dir.resolveSibling(dir.getFileName() + ".expected.json");
    if (Files.isDirectory(dir) && Files.exists(expected)) return dir;
    Files.deleteIfExists(expected);
    if (Files.exists(dir)) TempDirs.delete(dir);
    Files.createDirectories(bundles);
    long began = System.nanoTime();
    Expected e = BundleGenerator.generate(BundleSpec.builder().nodes(nodes).seed(seed).recordsPerNode(records / nodes)
        .layout(Layout.DIRECTORY).glogCopies(false).rotations(false).build(), dir).expected();
    System.out.printf(Locale.ROOT, "generated %,d records in %.1f s%n", e.total(), (System.nanoTime() - began) / 1e9);
    return dir;
  }

  private static void usage(String problem) {
    System.err.println(problem + "\nusage: QueryBench --bundles DIR [--records N] [--seed S] [--nodes N] [--work DIR]"
        + " [--runs N] [--warmup N] [--rg-runs N] [--threads N]");
    System.exit(2);
  }

  /** The four questions; (a) moves its time window with the run number (a fixed seed). */
  private record Questions(LuceneLogStore store, long[] span) {
    Object search(int run) {
      long quarter = (span[1] - span[0]) / 4;
      long from = span[0] + (long) (new Random(run).nextDouble() * 3 * quarter);
      LogQuery q = new LogQuery(List.of(BUNDLE_ID), Set.of("stargate"), Set.of(), Set.of(LogLevel.ERROR), Set.of(),
          Set.of(), from, from + quarter, "kTimeout", 100, null, false);
      return store.search(q).total();
    }

    Object facet() {
      return store.aggregate(LogQuery.all(List.of(BUNDLE_ID)).withLevels(Set.of(LogLevel.ERROR)), GroupField.CVM_IP);
    }

    Object histogram() {
      return describe(store.histogram(LogQuery.all(List.of(BUNDLE_ID)), null, null));
    }

    Object histogramByLevel() {
      return describe(store.histogram(LogQuery.all(List.of(BUNDLE_ID)), null, GroupField.LOG_LEVEL));
    }

    private static String describe(Histogram h) {
      return h.slots().size() + " slots of " + h.intervalMicros() / 1_000_000 + " s, " + h.total() + " records";
    }

    Object heatmap() {
      Histogram h = store.histogram(LogQuery.all(List.of(BUNDLE_ID)).withLevels(Set.of(LogLevel.ERROR, LogLevel.FATAL)),
          null, GroupField.CVM_IP);
      return h.splitKeys().size() + " rows x " + h.slots().size() + " columns, " + h.total() + " records";
    }
  }

  /** {@code rg} over the unpacked bundle for question (a), without its time range. */
  static final class Ripgrep {
    private Ripgrep() {}

    static boolean available() {
      try {
        return new ProcessBuilder("rg", "--version").redirectErrorStream(true).start().waitFor() == 0;
      } catch (IOException | InterruptedException e) {
        return false;
      }
    }

    /** Lines of the stargate files that are glog ERROR lines containing kTimeout (rg's own count). */
    static Object countSearch(Path bundle) throws IOException, InterruptedException {
      Process p = new ProcessBuilder("rg", "--no-config", "--count-matches", "--no-filename", "--glob", "*stargate*",
          "-e", "^E\\d{4} .*kTimeout", bundle.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      int exit = p.waitFor();
      if (exit > 1) throw new IOException("rg failed with exit " + exit);
      return out.lines().mapToLong(Long::parseLong).sum() + " lines (any time)";
    }
  }
}
