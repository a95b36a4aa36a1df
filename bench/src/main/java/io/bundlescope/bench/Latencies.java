package io.bundlescope.bench;

import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * Wall times of repeated runs of one question, in milliseconds.
 *
 * @param millis every measured run, sorted
 * @param answer what the last run answered (printed, so the runs cannot be optimized away and
 *     the reader can check both sides answer the same question)
 */
record Latencies(double[] millis, Object answer) {

  /** {@code warmup} unmeasured runs, then {@code runs} measured ones; run i gets i as its argument. */
  static Latencies measure(int warmup, int runs, IndexedCall call) throws Exception {
    for (int i = 0; i < warmup; i++) call.run(i);
    double[] millis = new double[runs];
    Object answer = null;
    for (int i = 0; i < runs; i++) {
      long began = System.nanoTime();
      answer = call.run(warmup + i);
      millis[i] = (System.nanoTime() - began) / 1e6;
    }
    Arrays.sort(millis);
    return new Latencies(millis, answer);
  }

  static Latencies measure(int warmup, int runs, Callable<Object> call) throws Exception {
    return measure(warmup, runs, i -> call.call());
  }

  /** The nearest-rank percentile, p in (0, 100]. */
  double percentile(double p) {
    int rank = (int) Math.ceil(p / 100 * millis.length);
    return millis[Math.max(0, Math.min(millis.length - 1, rank - 1))];
  }

  interface IndexedCall {
    Object run(int i) throws Exception;
  }
}
