package io.bundlescope.bench.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.bundlescope.node.placement.LoadBlend;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimulationTest {
  private static final double MB = 1e6;
  private static final double NEVER = Double.POSITIVE_INFINITY;
  private static final LoadBlend BLEND =
      LoadBlend.fromConfig(ConfigFactory.load().getConfig("bundlescope.placement"));

  private static Workload burst(int count, long bytes) {
    List<Workload.Arrival> arrivals = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) arrivals.add(new Workload.Arrival("b" + i, 0, bytes));
    return new Workload(arrivals);
  }

  private static LeastLoadedDesign leastLoaded() {
    return new LeastLoadedDesign(BLEND, 1, 5, 25);
  }

  @Test
  void aBundleAloneTakesItsSizeOverTheNodeRate() {
    Simulation.Result r = Simulation.run(leastLoaded(), List.of(NodeSpec.healthy("n1", 10 * MB)), burst(1, (long) (100 * MB)));
    assertEquals(10.0, r.jobs().get(0).latency(), Simulation.STEP_SECONDS * 1.5);
  }

  @Test
  void fairSharingFinishesASmallBundleFirstAndOneAtATimeMakesItWait() {
    List<NodeSpec> one = List.of(NodeSpec.healthy("n1", 10 * MB));
    Workload bigThenSmall = new Workload(List.of(
        new Workload.Arrival("big", 0, (long) (1000 * MB)), new Workload.Arrival("small", 1, (long) (10 * MB))));
    double shared = Simulation.run(leastLoaded(), one, bigThenSmall).jobs().get(1).latency();
    double serial = Simulation.run(new RoundRobinDesign(), one, bigThenSmall).jobs().get(1).latency();
    assertEquals(2.0, shared, 0.2); // half the rate while the big one runs
    assertEquals(100.0, serial, 0.2); // waits for the big one (99 s) then takes 1 s
  }

  @Test
  void aBurstSpreadsOverNodesInsteadOfPilingOntoTheIdlestOne() {
    List<NodeSpec> three = List.of(NodeSpec.healthy("n1", 10 * MB), NodeSpec.healthy("n2", 10 * MB), NodeSpec.healthy("n3", 10 * MB));
    Simulation.Result r = Simulation.run(leastLoaded(), three, burst(3, (long) (100 * MB)));
    Set<String> nodes = r.jobs().stream().map(j -> j.node.name()).collect(Collectors.toSet());
    assertEquals(Set.of("n1", "n2", "n3"), nodes);
  }

  @Test
  void roundRobinSendsToADeadNodeWhereTheBundleWaitsForTheOperator() {
    List<NodeSpec> nodes = List.of(NodeSpec.healthy("n1", 10 * MB), new NodeSpec("n2", 10 * MB, 0, 0, 600));
    Simulation.Result r = Simulation.run(new RoundRobinDesign(), nodes, burst(2, (long) (10 * MB)));
    assertEquals(1, r.sentToDeadNode());
    assertEquals(601.0, r.jobs().get(1).latency(), 0.2);
    assertTrue(r.idleNodeSecondsWhileWaiting() > 590, "n1 idles while n2's bundle waits");
  }

  @Test
  void leastLoadedAvoidsANodeKnownDownAndFailsItsBundlesOver() {
    List<NodeSpec> nodes = List.of(NodeSpec.healthy("n1", 10 * MB), new NodeSpec("n2", 10 * MB, 0, 30, NEVER));
    Workload w = new Workload(List.of(
        new Workload.Arrival("early", 0, (long) (1000 * MB)), new Workload.Arrival("early2", 0, (long) (1000 * MB)),
        new Workload.Arrival("late", 60, (long) (10 * MB))));
    Simulation.Result r = Simulation.run(leastLoaded(), nodes, w);
    assertEquals(0, r.sentToDeadNode());
    assertTrue(r.allDone());
    assertTrue(r.jobs().stream().allMatch(j -> j.node.name().equals("n1")), "everything ends on the survivor");
  }

  @Test
  void aSharedQueueRequeuesADeadWorkersBundleAfterTheHeartbeatTimeout() {
    List<NodeSpec> nodes = List.of(NodeSpec.healthy("n1", 10 * MB), new NodeSpec("n2", 10 * MB, 0, 5, NEVER));
    Simulation.Result r = Simulation.run(new SharedQueueDesign(60), nodes, burst(2, (long) (100 * MB)));
    assertTrue(r.allDone());
    // n2 dies at 5 s holding a bundle; requeued at 65 s, n1 (free since 10 s) takes it: done at 75 s.
    assertEquals(75.0, r.jobs().stream().mapToDouble(SimJob::latency).max().orElseThrow(), 0.3);
  }
}
