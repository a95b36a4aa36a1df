package io.bundlescope.bench.placement;

import java.util.ArrayList;
import java.util.List;

/**
 * A worker node: it ingests {@code bytesPerSecond} when it is alive, either splitting that rate
 * evenly over all its bundles (Bundlescope's fair parse slots) or giving all of it to the oldest
 * one while the others wait (the old consumer: prefetch 1, one bundle at a time).
 */
final class SimNode {
  final NodeSpec spec;
  final boolean sharesRate;
  final List<SimJob> jobs = new ArrayList<>();
  int placed;
  /** Bytes ingested since the last load report (what its measured rate is made of). */
  double ingestedSinceReport;

  SimNode(NodeSpec spec, boolean sharesRate) {
    this.spec = spec;
    this.sharesRate = sharesRate;
  }

  String name() {
    return spec.name();
  }

  boolean alive(double t) {
    return t < spec.diesAt() || t >= spec.recoversAt();
  }

  /** Bundles being ingested right now (the others wait). */
  int progressing(double t) {
    if (!alive(t) || jobs.isEmpty()) return 0;
    return sharesRate ? jobs.size() : 1;
  }

  /** Advances by {@code dt} seconds; finished bundles leave the node and are returned. */
  List<SimJob> advance(double t, double dt) {
    int n = progressing(t);
    List<SimJob> finished = new ArrayList<>();
    if (n == 0) return finished;
    double share = spec.bytesPerSecond() * dt / n;
    for (SimJob job : jobs.subList(0, n)) {
      ingestedSinceReport += Math.min(share, job.remaining);
      job.remaining -= share;
      if (job.remaining <= 0) {
        job.doneAt = t + dt;
        finished.add(job);
      }
    }
    jobs.removeAll(finished);
    return finished;
  }

  long remainingBytes() {
    return (long) jobs.stream().mapToDouble(j -> j.remaining).sum();
  }
}
