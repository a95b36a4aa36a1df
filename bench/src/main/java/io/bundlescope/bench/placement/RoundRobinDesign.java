package io.bundlescope.bench.placement;

import java.util.HashSet;
import java.util.Set;

/**
 * The old dispatcher as the seed notes describe it: bundle i goes to worker i mod n whatever its
 * state (busy, slowed or dead); each worker takes one bundle at a time (prefetch 1) and the rest
 * of its share waits behind it. A dead worker's bundles wait until an operator restarts it; the
 * one it was parsing starts over.
 */
final class RoundRobinDesign implements Design {
  private final Set<SimNode> restarted = new HashSet<>();
  private int next;

  @Override
  public String name() {
    return "old: round-robin, prefetch 1";
  }

  @Override
  public boolean sharesRate() {
    return false;
  }

  @Override
  public void submit(SimJob job, World w) {
    w.assign(job, w.nodes.get(next++ % w.nodes.size()));
  }

  @Override
  public void beforeStep(World w) {
    for (SimNode n : w.nodes) {
      if (w.t >= n.spec.recoversAt() && restarted.add(n) && !n.jobs.isEmpty()) n.jobs.get(0).restart();
    }
  }
}
