package io.bundlescope.bench.placement;

import io.bundlescope.node.placement.IngestRate;
import io.bundlescope.node.placement.LoadBlend;
import io.bundlescope.node.placement.NodeLoadReport;
import io.bundlescope.node.placement.Placement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bundlescope: the real {@link Placement} choosing among reachable nodes from load reports
 * published every {@code reportInterval} seconds (so always a little stale) with the rate each
 * node measured ({@link IngestRate}, as {@code NodeLoad} does), fair sharing on each
 * node, and failover: a dead node stops being a candidate once the failure detector marks it
 * unreachable ({@code detectSeconds}); once the split brain resolver downs it and remember-entities
 * restarts its bundles ({@code failoverSeconds} after the death), they are placed again and parsed
 * from the start (their index was on the dead node).
 */
final class LeastLoadedDesign implements Design {
  private final Placement placement;
  private final double reportInterval;
  private final double detectSeconds;
  private final double failoverSeconds;
  private final Map<String, NodeLoadReport> reports = new HashMap<>();
  private final Map<SimNode, IngestRate> rates = new HashMap<>();
  private final Set<SimNode> failedOver = new HashSet<>();
  private double nextReport;
  private long seq;

  LeastLoadedDesign(LoadBlend blend, double reportInterval, double detectSeconds, double failoverSeconds) {
    this.placement = new Placement(blend);
    this.reportInterval = reportInterval;
    this.detectSeconds = detectSeconds;
    this.failoverSeconds = failoverSeconds;
  }

  @Override
  public String name() {
    return "bundlescope least-loaded";
  }

  @Override
  public boolean sharesRate() {
    return true;
  }

  @Override
  public void submit(SimJob job, World w) {
    List<Placement.Candidate> candidates = new ArrayList<>();
    for (SimNode n : w.nodes) {
      if (!knownDown(n, w.t)) candidates.add(new Placement.Candidate(n.name(), reports.get(n.name()), n.placed));
    }
    String chosen = placement.choose(job.id, job.bytes, candidates, (long) (w.t * 1e9));
    w.assign(job, w.nodes.stream().filter(n -> n.name().equals(chosen)).findFirst().orElseThrow());
  }

  @Override
  public void beforeStep(World w) {
    if (w.t >= nextReport) {
      for (SimNode n : w.nodes) if (n.alive(w.t)) reports.put(n.name(), report(n));
      nextReport += reportInterval;
    }
    for (SimNode n : w.nodes) {
      if (!n.alive(w.t) && w.t >= n.spec.diesAt() + failoverSeconds && failedOver.add(n)) {
        List<SimJob> orphans = List.copyOf(n.jobs);
        n.jobs.clear();
        for (SimJob job : orphans) {
          job.restart();
          submit(job, w);
        }
      }
    }
  }

  private boolean knownDown(SimNode n, double t) {
    return t >= n.spec.diesAt() + detectSeconds && t < n.spec.recoversAt();
  }

  private NodeLoadReport report(SimNode n) {
    IngestRate rate = rates.computeIfAbsent(n, x -> new IngestRate(60));
    if (!n.jobs.isEmpty() || n.ingestedSinceReport > 0) rate.recordBusy((long) n.ingestedSinceReport, reportInterval);
    n.ingestedSinceReport = 0;
    double cpu = n.spec.otherCpuLoad() + (n.jobs.isEmpty() ? 0 : 1);
    List<String> ids = n.jobs.stream().map(j -> j.id).toList();
    return new NodeLoadReport(++seq, n.remainingBytes(), ids, (long) (cpu * 1000), 1L << 40, 1L << 41, false, n.name(),
        rate.bytesPerSecond());
  }
}
