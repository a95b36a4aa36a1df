package io.bundlescope.bench.placement;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The old design at its best: one queue that every worker consumes with prefetch 1, so an idle
 * worker takes the next bundle (no waiting behind a busy peer), but still one bundle at a time
 * per worker and no notion of a slow node. A dead worker keeps its consumer until the broker's
 * heartbeat timeout; then its unacknowledged bundle goes back to the front of the queue.
 */
final class SharedQueueDesign implements Design {
  private final double heartbeatTimeout;
  private final Deque<SimJob> queue = new ArrayDeque<>();

  SharedQueueDesign(double heartbeatTimeout) {
    this.heartbeatTimeout = heartbeatTimeout;
  }

  @Override
  public String name() {
    return "old at best: shared queue, prefetch 1";
  }

  @Override
  public boolean sharesRate() {
    return false;
  }

  @Override
  public void submit(SimJob job, World w) {
    queue.add(job);
  }

  @Override
  public void beforeStep(World w) {
    for (SimNode n : w.nodes) {
      if (!connected(n, w.t) && !n.jobs.isEmpty()) {
        for (SimJob job : n.jobs) {
          job.restart();
          job.node = null;
          queue.addFirst(job);
        }
        n.jobs.clear();
      }
      if (connected(n, w.t) && n.jobs.isEmpty() && !queue.isEmpty()) w.assign(queue.poll(), n);
    }
  }

  @Override
  public int held() {
    return queue.size();
  }

  private boolean connected(SimNode n, double t) {
    return t < n.spec.diesAt() + heartbeatTimeout || t >= n.spec.recoversAt();
  }
}
