package io.bundlescope.bench.placement;

/**
 * A node of the replayed cluster.
 *
 * @param bytesPerSecond its ingest rate when it has work (all its cores)
 * @param otherCpuLoad load average per core from other work on the machine (a noisy neighbour
 *     that also slows it down); its own ingest adds 1.0 while it has work
 * @param diesAt when it is killed (infinity: never)
 * @param recoversAt when an operator brings it back (infinity: never)
 */
record NodeSpec(String name, double bytesPerSecond, double otherCpuLoad, double diesAt, double recoversAt) {
  static NodeSpec healthy(String name, double bytesPerSecond) {
    return new NodeSpec(name, bytesPerSecond, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
  }
}
