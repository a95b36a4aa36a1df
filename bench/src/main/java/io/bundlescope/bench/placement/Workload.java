package io.bundlescope.bench.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Bundles arriving as a Poisson process, of mixed sizes: 70% small (50-500 MB), 25% medium
 * (0.5-3 GB), 5% large (3-10 GB), uniform within each class (uncompressed bytes).
 */
record Workload(List<Arrival> arrivals) {
  record Arrival(String id, double at, long bytes) {}

  static Workload poisson(long seed, int count, double meanInterarrivalSeconds) {
    Random random = new Random(seed);
    List<Arrival> arrivals = new ArrayList<>();
    double t = 0;
    for (int i = 0; i < count; i++) {
      t += -Math.log(1 - random.nextDouble()) * meanInterarrivalSeconds;
      double cls = random.nextDouble();
      double mb = cls < 0.70 ? uniform(random, 50, 500) : cls < 0.95 ? uniform(random, 500, 3000) : uniform(random, 3000, 10000);
      arrivals.add(new Arrival(String.format("b%03d-s%d", i, seed), t, (long) (mb * 1e6)));
    }
    return new Workload(List.copyOf(arrivals));
  }

  private static double uniform(Random random, double lo, double hi) {
    return lo + random.nextDouble() * (hi - lo);
  }

  /** When the {@code n}-th bundle arrives (0-based). */
  double arrivalTime(int n) {
    return arrivals.get(n).at();
  }
}
