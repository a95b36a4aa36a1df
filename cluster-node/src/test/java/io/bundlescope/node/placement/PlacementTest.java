package io.bundlescope.node.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PlacementTest {
  private static final long MIB = 1 << 20;
  private static final LoadBlend BLEND =
      new LoadBlend(64 * MIB, 10_000_000, 1.0, 0.25, 1.0, 0.25, 0.5, 1024 * MIB, Duration.ofSeconds(10));
  private static final long SECOND = 1_000_000_000L;

  private static NodeLoadReport idle() {
    return report(0, List.of());
  }

  private static NodeLoadReport report(long ingestBytes, List<String> bundles) {
    return new NodeLoadReport(1, ingestBytes, bundles, 500, 50_000 * MIB, 100_000 * MIB, false, "h:1", 0);
  }

  private static Placement.Candidate node(String name, NodeLoadReport report) {
    return new Placement.Candidate(name, report, 0);
  }

  @Test
  void aBurstOnIdleNodesIsSpreadEvenlyBeforeAnyReportShowsIt() {
    Placement placement = new Placement(BLEND);
    List<Placement.Candidate> nodes = List.of(node("a", idle()), node("b", idle()), node("c", idle()));
    Map<String, Integer> count = new TreeMap<>();
    for (int i = 0; i < 9; i++) count.merge(placement.choose("bundle-" + i, 0, nodes, i), 1, Integer::sum);

    assertThat(count).containsExactlyInAnyOrderEntriesOf(Map.of("a", 3, "b", 3, "c", 3));
  }

  @Test
  void aNodeIngestingABigBundleGetsNothingWhileOthersAreLighter() {
    Placement placement = new Placement(BLEND);
    List<Placement.Candidate> nodes = List.of(
        node("busy", report(512 * MIB, List.of("big"))), node("b", idle()), node("c", idle()));
    List<String> chosen = new ArrayList<>();
    for (int i = 0; i < 6; i++) chosen.add(placement.choose("small-" + i, 0, nodes, i));

    assertThat(chosen).doesNotContain("busy").contains("b", "c");
  }

  @Test
  void cpuLoadAndUsedDiskCountInTheBlend() {
    NodeLoadReport hot = new NodeLoadReport(1, 0, List.of(), 2000, 50_000 * MIB, 100_000 * MIB, false, "h:1", 0);
    NodeLoadReport cool = new NodeLoadReport(1, 0, List.of(), 100, 50_000 * MIB, 100_000 * MIB, false, "h:2", 0);
    NodeLoadReport fuller = new NodeLoadReport(1, 0, List.of(), 100, 10_000 * MIB, 100_000 * MIB, false, "h:3", 0);

    assertThat(BLEND.score(hot)).isEqualTo(2.0 + 0.125);
    assertThat(BLEND.score(cool)).isEqualTo(0.1 + 0.125);
    assertThat(BLEND.score(fuller)).isGreaterThan(BLEND.score(cool));
    assertThat(BLEND.score(report(64 * MIB, List.of("x")))).isEqualTo(1.0 + 0.25 + 0.5 + 0.125);
    assertThat(new Placement(BLEND).choose("x", 0, List.of(node("hot", hot), node("cool", cool)), 0)).isEqualTo("cool");
  }

  @Test
  void drainingNodesAndNodesWithoutFreeDiskAreSkippedWhileAnotherCanTakeTheBundle() {
    NodeLoadReport draining = new NodeLoadReport(1, 0, List.of(), 0, 50_000 * MIB, 100_000 * MIB, true, "h:1", 0);
    NodeLoadReport full = new NodeLoadReport(1, 0, List.of(), 0, 100 * MIB, 100_000 * MIB, false, "h:2", 0);
    NodeLoadReport loaded = report(1024 * MIB, List.of("big"));

    assertThat(new Placement(BLEND).choose("x", 0, List.of(node("d", draining), node("f", full), node("l", loaded)), 0))
        .isEqualTo("l");
    assertThat(new Placement(BLEND).choose("x", 0, List.of(node("d", draining), node("f", full)), 0))
        .as("a full disk beats a draining node").isEqualTo("f");
  }

  @Test
  void aPendingAllocationEndsWhenTheNodeReportsTheBundleOrAfterTheTimeout() {
    Placement placement = new Placement(BLEND);
    placement.choose("x", 0, List.of(node("a", idle()), node("b", idle())), 0);
    assertThat(placement.pendingOn("a")).isEqualTo(1);

    placement.settle(List.of(new Placement.Candidate("a", idle(), 1, Set.of("x"))), SECOND);
    assertThat(placement.pendingOn("a")).as("seen in a's report").isZero();

    placement.choose("y", 0, List.of(node("a", idle()), node("b", idle())), 2 * SECOND);
    placement.settle(List.of(node("a", idle()), node("b", idle())), 5 * SECOND);
    assertThat(placement.pendingOn("a") + placement.pendingOn("b")).as("not yet reported, within the timeout").isEqualTo(1);
    placement.settle(List.of(node("a", idle()), node("b", idle())), 13 * SECOND);
    assertThat(placement.pendingOn("a") + placement.pendingOn("b")).as("after the timeout").isZero();
  }

  @Test
  void tiesGoToTheNodeWithFewerBundlesThenToTheLowestName() {
    Placement placement = new Placement(BLEND);
    assertThat(placement.choose("x", 0, List.of(new Placement.Candidate("a", idle(), 5),
        new Placement.Candidate("b", idle(), 2)), 0)).isEqualTo("b");
    assertThat(new Placement(BLEND).choose("x", 0, List.of(node("b", null), node("a", null)), 0)).isEqualTo("a");
  }

  @Test
  void bytesToIngestWeighByHowFastTheNodeIngestsThem() {
    NodeLoadReport fastBusy = new NodeLoadReport(1, 256 * MIB, List.of("a"), 1000, 50_000 * MIB, 100_000 * MIB, false, "h:1", 40_000_000);
    NodeLoadReport slowIdle = new NodeLoadReport(1, 0, List.of(), 1000, 50_000 * MIB, 100_000 * MIB, false, "h:2", 2_500_000);
    List<Placement.Candidate> nodes = List.of(node("fast", fastBusy), node("slow", slowIdle));

    assertThat(BLEND.score(fastBusy)).isEqualTo(4.0 / 4 + 0.25 + 1.0 + 0.125);
    assertThat(new Placement(BLEND).choose("small", 8 * MIB, nodes, 0))
        .as("a small bundle is soonest done on the idle node, slow as it is").isEqualTo("slow");
    assertThat(new Placement(BLEND).choose("big", 2048 * MIB, nodes, 0))
        .as("a big one is soonest done on the fast node, busy as it is").isEqualTo("fast");
  }

  @Test
  void pendingBundlesCountWithTheirSize() {
    Placement placement = new Placement(BLEND);
    List<Placement.Candidate> nodes = List.of(node("a", idle()), node("b", idle()), node("c", idle()));
    assertThat(placement.choose("huge", 4096 * MIB, nodes, 0)).isEqualTo("a");
    List<String> next = new ArrayList<>();
    for (int i = 0; i < 4; i++) next.add(placement.choose("small-" + i, 16 * MIB, nodes, i));

    assertThat(next).doesNotContain("a");
  }
}
