package io.bundlescope.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * End-to-end ingest benchmark: a generated bundle (cached by size and seed), the decompress and
 * line-split baselines over it, then one node started by the launcher ingesting it, all in one
 * run so the node's figures can be read as ratios to the baselines. Run by
 * {@code bench/run-ingest.sh}; options:
 *
 * <pre>
 * --bundles DIR      where bundles are generated and cached; the node may read it (required)
 * --launcher PATH    the bundlescope launcher (required unless --no-node)
 * --size 1g          uncompressed bundle size     --seed 1     --nodes 3
 * --cores N          divisor of the per-core figures (default: available processors)
 * --work DIR         scratch space for the baselines and the node (default: the temp dir)
 * --timeout-min 120  longest wait for the ingest (the node's health wait is 20 min)
 * --no-baseline | --no-node
 * --policies index/info=count/info=drop   instead of one ingest, one per ingest policy (each
 *                    given as analyze's parameters, ',' between them), same node, in this order
 * </pre>
 */
public final class IngestBench {
  private static final double MB = 1e6;

  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    Path bundles = null;
    Path launcher = null;
    Path work = Path.of(System.getProperty("java.io.tmpdir"));
    long size = 1L << 30;
    long seed = 1;
    int nodes = 3;
    int cores = Runtime.getRuntime().availableProcessors();
    long timeoutMin = 120;
    boolean baseline = true;
    boolean node = true;
    List<String> policies = List.of();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--") && !args[i].startsWith("--no-") && i + 1 == args.length) {
        usage(args[i] + " needs a value");
      }
      switch (args[i]) {
        case "--bundles" -> bundles = Path.of(args[++i]).toAbsolutePath();
        case "--launcher" -> launcher = Path.of(args[++i]).toAbsolutePath();
        case "--size" -> size = BenchBundle.parseSize(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--nodes" -> nodes = Integer.parseInt(args[++i]);
        case "--cores" -> cores = Integer.parseInt(args[++i]);
        case "--work" -> work = Path.of(args[++i]).toAbsolutePath();
        case "--timeout-min" -> timeoutMin = Long.parseLong(args[++i]);
        case "--no-baseline" -> baseline = false;
        case "--no-node" -> node = false;
        case "--policies" -> policies = List.of(args[++i].split("/"));
        default -> usage("unknown option " + args[i]);
      }
    }
    if (bundles == null) usage("--bundles is required");
    if (node && launcher == null) usage("--launcher is required unless --no-node");

    log("bundle: generating or reusing %s in %s", BenchBundle.sizeText(size), bundles);
    BenchBundle bundle = BenchBundle.obtain(bundles, size, seed, nodes);
    double uncompressed = bundle.expected().uncompressedBytes();
    print("bundle    %s%s", bundle.path(), bundle.generatedSeconds() > 0
        ? String.format(Locale.ROOT, " (generated in %.1f s)", bundle.generatedSeconds()) : " (cached)");
    print("          %.1f MB uncompressed, %.1f MB on disk, %,d records expected; %d cores",
        uncompressed / MB, Files.size(bundle.path()) / MB, bundle.expected().total(), cores);

    SplitBaseline shell = null;
    SplitBaseline java = null;
    if (baseline) {
      log("baseline: tar -xzf + unzip -p | wc -lc");
      shell = SplitBaseline.shell(bundle.path(), work);
      print("baseline  shell  %7.1f s  %,d lines in %.1f MB read  %.1f MB/s uncompressed  (%.1f CPU s)",
          shell.seconds(), shell.lines(), shell.bytes() / MB, uncompressed / MB / shell.seconds(), shell.cpuSeconds());
      log("baseline: BundleStager.stage + BundleFiles.open, counting newlines");
      java = SplitBaseline.java(bundle.path(), work, cores);
      print("baseline  java   %7.1f s  (stage %.1f s + read %.1f s on %d threads)  %,d lines in %.1f MB"
          + "  %.1f MB/s  (%.1f CPU s)", java.seconds(), java.stageSeconds(), java.seconds() - java.stageSeconds(),
          cores, java.lines(), java.bytes() / MB, uncompressed / MB / java.seconds(), java.cpuSeconds());
    }
    if (!node) return;

    log("node: starting %s run (it builds first when sources changed)", launcher);
    boolean completed;
    try (NodeUnderTest n = NodeUnderTest.start(launcher, bundles, work, Duration.ofMinutes(20))) {
      completed = policies.isEmpty() ? ingest(n, bundle, cores, shell, java, Duration.ofMinutes(timeoutMin))
          : comparePolicies(n, bundle, policies, Duration.ofMinutes(timeoutMin));
    }
    if (!completed) System.exit(1);
  }

  /** POSTs the bundle, waits for the end and prints the node's figures; false if it failed. */
  private static boolean ingest(NodeUnderTest n, BenchBundle bundle, int cores, SplitBaseline shell,
      SplitBaseline java, Duration timeout) throws Exception {
    double uncompressed = bundle.expected().uncompressedBytes();
    long began = System.nanoTime();
    double cpuBefore = n.javaCpuSeconds() + n.helpersCpuSeconds();
    JsonNode status;
    try {
      String id = n.api.analyze(bundle.path().toString());
      status = awaitEnd(n, id, timeout);
    } catch (Exception e) {
      print("node log tail:%n%s", n.logTail(40));
      throw e;
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    double cpu = n.javaCpuSeconds() + n.helpersCpuSeconds() - cpuBefore;
    long javaRss = n.javaPeakRssKib();
    long[] helperRss = n.helpersPeakRssKib();
    if (!"completed".equals(status.path("job_status").asText())) {
      print("node      %s after %.1f s: %s", status.path("job_status").asText(), seconds,
          status.path("error_msg").asText(""));
      print("node log tail:%n%s", n.logTail(40));
      return false;
    }
    long records = status.path("progress").path("records").asLong();
    print("node      %7.1f s  POST -> completed%s", seconds, nodeSpan(status));
    print("          %,d records (expected %,d%s)  %,.0f records/s (%,.0f per core)", records,
        bundle.expected().total(), records == bundle.expected().total() ? "" : ", MISMATCH",
        records / seconds, records / seconds / cores);
    print("          %.1f MB/s uncompressed (%.1f per core)", uncompressed / MB / seconds,
        uncompressed / MB / seconds / cores);
    print("cpu       %.1f CPU s (JVM and PostgreSQL): %,.0f records per CPU second, %.1f MB per CPU second",
        cpu, records / cpu, uncompressed / MB / cpu);
    print("memory    node JVM VmHWM %.0f MiB; its %d other processes (embedded PostgreSQL) VmHWM sum"
        + " %.0f MiB (upper bound)", javaRss / 1024.0, helperRss[1], helperRss[0] / 1024.0);
    if (shell != null && java != null) {
      print("ratio     node throughput / baseline: %.3f of shell, %.3f of java (node takes %.1fx"
          + " and %.1fx their time)", shell.seconds() / seconds, java.seconds() / seconds,
          seconds / shell.seconds(), seconds / java.seconds());
      print("cpu ratio node CPU / baseline CPU: %.1fx shell, %.1fx java (steadier than wall time on a"
          + " shared machine)", cpu / shell.cpuSeconds(), cpu / java.cpuSeconds());
    }
    return true;
  }

  /**
   * The same bundle ingested once per ingest policy on the same node, one after the other (each
   * a new bundle id: reanalyze), in the order given; figures as ratios to the first policy's run.
   */
  private static boolean comparePolicies(NodeUnderTest n, BenchBundle bundle, List<String> policies,
      Duration timeout) throws Exception {
    double[] first = null;
    print("policy                          wall s    CPU s   index MB  indexed / counted / dropped"
        + "   wall, CPU, index vs the first");
    for (String policy : policies) {
      String params = policy.equals("index") ? "" : policy.replace(',', '&');
      long began = System.nanoTime();
      double cpuBefore = n.javaCpuSeconds() + n.helpersCpuSeconds();
      String id = n.api.analyzeAgain(bundle.path().toString(), params);
      JsonNode status = awaitEnd(n, id, timeout);
      double seconds = (System.nanoTime() - began) / 1e9;
      double cpu = n.javaCpuSeconds() + n.helpersCpuSeconds() - cpuBefore;
      if (!"completed".equals(status.path("job_status").asText())) {
        print("%-28s %s: %s", policy, status.path("job_status").asText(), status.path("error_msg").asText(""));
        return false;
      }
      double mb = n.indexBytes(id) / MB;
      JsonNode p = status.path("progress");
      long indexed = p.path("records").asLong();
      long counted = p.path("records_counted").asLong();
      long dropped = p.path("records_dropped").asLong();
      boolean exact = indexed + counted + dropped == bundle.expected().total();
      if (first == null) first = new double[] {seconds, cpu, mb};
      print("%-28s %8.1f %8.1f %10.1f  %,d / %,d / %,d%s   %.2f, %.2f, %.2f", policy, seconds, cpu, mb,
          indexed, counted, dropped, exact ? "" : " MISMATCH", seconds / first[0], cpu / first[1], mb / first[2]);
    }
    return true;
  }

  /** Polls job_status every half second until completed or failed; progress on stderr. */
  private static JsonNode awaitEnd(NodeUnderTest n, String id, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long nextLog = 0;
    while (true) {
      JsonNode status = n.api.jobStatus(id);
      String state = status.path("job_status").asText();
      if (state.equals("completed") || state.equals("failed")) return status;
      if (System.nanoTime() > deadline) throw new IllegalStateException("not done in " + timeout + ": " + status);
      if (System.nanoTime() > nextLog) {
        JsonNode p = status.path("progress");
        log("node: %s, files %d/%d, %.0f/%.0f MB, %,d records", state, p.path("files_done").asLong(),
            p.path("files_total").asLong(), p.path("bytes_done").asLong() / MB,
            p.path("bytes_total").asLong() / MB, p.path("records").asLong());
        nextLog = System.nanoTime() + 10_000_000_000L;
      }
      Thread.sleep(500);
    }
  }

  /** The node's own start_time -> end_time, when both parse (ISO text or epoch seconds). */
  private static String nodeSpan(JsonNode status) {
    Instant start = instant(status.path("start_time"));
    Instant end = instant(status.path("end_time"));
    if (start == null || end == null) return "";
    return String.format(Locale.ROOT, " (node's start_time -> end_time %.1f s)",
        Duration.between(start, end).toNanos() / 1e9);
  }

  private static Instant instant(JsonNode node) {
    try {
      if (node.isNumber()) {
        BigDecimal s = node.decimalValue();
        return Instant.ofEpochSecond(s.longValue(), s.remainder(BigDecimal.ONE).movePointRight(9).longValue());
      }
      return node.isTextual() ? Instant.parse(node.asText()) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void print(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }

  private static void log(String format, Object... args) {
    System.err.println(String.format(Locale.ROOT, format, args));
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: IngestBench --bundles DIR [--launcher PATH] [--size 1g] [--seed 1]"
        + " [--nodes 3] [--cores N] [--work DIR] [--timeout-min 120] [--no-baseline | --no-node] [--policies index/info=count/info=drop]");
    System.exit(2);
  }
}
