package io.bundlescope.bench.placement;

import com.typesafe.config.ConfigFactory;
import io.bundlescope.node.placement.LoadBlend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Replays one workload against Bundlescope's placement and the old dispatcher (see bench/README.md):
 * 3 nodes, one slowed by a noisy neighbour, one killed when half the bundles have arrived and
 * brought back by an operator later; Poisson arrivals of mixed sizes; several seeds.
 *
 * <pre>
 * --bundles 40  --seeds 20  --interarrival 90 (mean seconds)  --rate-mb 10 (per node, MB/s)
 * --slow-factor 4  --recover-min 20  --detect 5  --failover 25  --heartbeat 60  --report 1
 * </pre>
 */
public final class PlacementComparison {
  private PlacementComparison() {}

  public static void main(String[] args) {
    Options o = Options.parse(args);
    LoadBlend blend = LoadBlend.fromConfig(ConfigFactory.load().getConfig("bundlescope.placement"));
    List<Supplier<Design>> designs = List.of(
        () -> new LeastLoadedDesign(blend, o.report, o.detect, o.failover),
        RoundRobinDesign::new,
        () -> new SharedQueueDesign(o.heartbeat));
    System.out.printf(Locale.ROOT, "%d bundles x %d seeds, mean interarrival %.0f s, %d nodes at %.0f MB/s"
            + " (n2 %.0fx slower, n3 killed before arrival %d, back after %.0f min)%n",
        o.bundles, o.seeds, o.interarrival, 3, o.rateMb, o.slowFactor, o.bundles / 2 + 1, o.recoverMin);
    System.out.printf(Locale.ROOT, "%-38s %9s %9s %9s %9s %12s %14s%n",
        "design", "mean s", "p50 s", "p95 s", "max s", "to dead/run", "idle node-s/run");
    for (Supplier<Design> design : designs) {
      List<Double> latencies = new ArrayList<>();
      double dead = 0;
      double idle = 0;
      String name = null;
      for (long seed = 1; seed <= o.seeds; seed++) {
        Workload workload = Workload.poisson(seed, o.bundles, o.interarrival);
        Simulation.Result r = Simulation.run(design.get(), o.nodes(workload), workload);
        if (!r.allDone()) throw new IllegalStateException(r.design() + " left bundles unfinished, seed " + seed);
        name = r.design();
        r.jobs().forEach(j -> latencies.add(j.latency()));
        dead += r.sentToDeadNode();
        idle += r.idleNodeSecondsWhileWaiting();
      }
      double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      System.out.printf(Locale.ROOT, "%-38s %9.0f %9.0f %9.0f %9.0f %12.2f %14.0f%n", name,
          Arrays.stream(sorted).average().orElse(0), quantile(sorted, 0.5), quantile(sorted, 0.95),
          sorted[sorted.length - 1], dead / o.seeds, idle / o.seeds);
    }
  }

  static double quantile(double[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static final class Options {
    int bundles = 40;
    int seeds = 20;
    double interarrival = 90;
    double rateMb = 10;
    double slowFactor = 4;
    double recoverMin = 20;
    double detect = 5;
    double failover = 25;
    double heartbeat = 60;
    double report = 1;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i + 1 < args.length; i += 2) {
        double v = Double.parseDouble(args[i + 1]);
        switch (args[i]) {
          case "--bundles" -> o.bundles = (int) v;
          case "--seeds" -> o.seeds = (int) v;
          case "--interarrival" -> o.interarrival = v;
          case "--rate-mb" -> o.rateMb = v;
          case "--slow-factor" -> o.slowFactor = v;
          case "--recover-min" -> o.recoverMin = v;
          case "--detect" -> o.detect = v;
          case "--failover" -> o.failover = v;
          case "--heartbeat" -> o.heartbeat = v;
          case "--report" -> o.report = v;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (args.length % 2 != 0) throw new IllegalArgumentException(args[args.length - 1] + " needs a value");
      return o;
    }

    /** n1 healthy, n2 slowed by other work, n3 killed halfway between the middle two arrivals. */
    List<NodeSpec> nodes(Workload w) {
      double rate = rateMb * 1e6;
      double dies = (w.arrivalTime(bundles / 2 - 1) + w.arrivalTime(bundles / 2)) / 2;
      return List.of(
          NodeSpec.healthy("n1", rate),
          new NodeSpec("n2", rate / slowFactor, slowFactor - 1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY),
          new NodeSpec("n3", rate, 0, dies, dies + recoverMin * 60));
    }
  }
}
