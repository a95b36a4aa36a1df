package io.bundlescope.bench.placement;

/** One bundle of the replayed workload: submitted at {@code submittedAt}, analyzed at {@code doneAt}. */
final class SimJob {
  final String id;
  final double submittedAt;
  final long bytes;
  double remaining;
  double doneAt = Double.NaN;
  SimNode node; // null while in a shared queue or between owners

  SimJob(String id, double submittedAt, long bytes) {
    this.id = id;
    this.submittedAt = submittedAt;
    this.bytes = bytes;
    this.remaining = bytes;
  }

  boolean done() {
    return !Double.isNaN(doneAt);
  }

  /** Its index was on a node that died: it is parsed again from the start. */
  void restart() {
    remaining = bytes;
  }

  double latency() {
    return doneAt - submittedAt;
  }
}
