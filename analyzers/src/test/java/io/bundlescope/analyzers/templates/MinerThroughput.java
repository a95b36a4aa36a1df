package io.bundlescope.analyzers.templates;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * In-process timing of the default miner on one thread (a rough figure for the issue notes;
 * the JMH benchmarks live in {@code bench/}). Messages: the Content column of the eight loghub
 * 2k samples when present (see {@link GroupingAccuracyEval}), else the test fixture messages.
 *
 * <pre>
 * java -cp analyzers/target/classes:analyzers/target/test-classes \
 *   io.bundlescope.analyzers.templates.MinerThroughput [DATA_DIR]
 * </pre>
 *
 * Times are the thread's CPU time, so the figure is per core and less sensitive to other
 * processes than wall time (it still suffers from a busy machine's shared caches and cores).
 * Prints the median and the best of 30 timed rounds, after 30 warm-up rounds, for: masking
 * alone; a fresh miner per round (every template is learned again: a small bundle); one warm
 * miner that has seen the messages before (a big bundle, where nearly every line joins a known
 * template).
 */
public final class MinerThroughput {

  private static final int ROUNDS = 30;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private MinerThroughput() {}

  public static void main(String[] args) throws IOException {
    List<String> messages = new ArrayList<>();
    Optional<Path> data = GroupingAccuracyEval.dataDir(args.length > 0 ? args[0] : null);
    if (data.isPresent()) {
      for (String system : GroupingAccuracyEval.SYSTEMS) {
        messages.addAll(GroupingAccuracyEval.read(
            data.get().resolve(system + "/" + system + "_2k.log_structured.csv")).messages());
      }
      System.out.println("messages: " + messages.size() + " (loghub 2k samples, 8 systems, interleaved in file order)");
    } else {
      for (String[] row : TemplateMinerTest.fixture("groupsEachEventOfAMixedLogIntoItsOwnTemplate.txt")) {
        messages.add(row[1]);
      }
      System.out.println("messages: " + messages.size() + " (test fixture; loghub data not found)");
    }
    String[] input = messages.toArray(String[]::new);
    Masker masker = Masker.defaults();
    MinerSettings settings = MinerSettings.defaults();

    report("mask only", input, () -> {
      long sink = 0;
      for (String m : input) sink += masker.mask(m).length();
      return sink;
    });
    report("fresh miner per round", input, () -> {
      TemplateMiner miner = new TemplateMiner(masker, settings);
      long sink = 0;
      for (String m : input) sink += miner.add(m).templateId();
      return sink;
    });
    TemplateMiner warm = new TemplateMiner(masker, settings);
    for (String m : input) warm.add(m);
    report("warm miner", input, () -> {
      long sink = 0;
      for (String m : input) sink += warm.add(m).templateId();
      return sink;
    });
  }

  interface Round {
    long run();
  }

  private static void report(String name, String[] input, Round round) {
    long sink = 0;
    for (int i = 0; i < ROUNDS; i++) sink += round.run();
    long[] nanos = new long[ROUNDS];
    for (int i = 0; i < nanos.length; i++) {
      long start = THREADS.getCurrentThreadCpuTime();
      sink += round.run();
      nanos[i] = THREADS.getCurrentThreadCpuTime() - start;
    }
    Arrays.sort(nanos);
    double median = input.length / (nanos[nanos.length / 2] / 1e9);
    double best = input.length / (nanos[0] / 1e9);
    System.out.printf(Locale.ROOT, "%-22s median %,11.0f messages/s (%4.0f ns each), best round %,11.0f/s%s%n",
        name, median, 1e9 / median, best, sink == 42 ? " " : "");
  }
}
