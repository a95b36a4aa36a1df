package io.bundlescope.node.placement;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How a node's load is reduced to one number, smaller = better place for a new bundle (see
 * {@code bundlescope.placement} in reference.conf):
 *
 * <pre>
 *   load = ingestWeight * (ingestBytes + newBytes)           bytes still to ingest there, the
 *                       / ingestBytesUnit                   new bundle's included, weighed by
 *                       * referenceRate / measuredRate      how fast the node ingests (a node
 *                                                           not measured yet: referenceRate)
 *        + bundleWeight * bundles                             bundles staged or ingesting there
 *        + cpuWeight    * loadAverage / cores                 1.0 = every core busy
 *        + diskWeight   * usedDiskFraction                    of the data directory's disk
 *        + pendingWeight * allocations not yet in its report  (counted by the coordinator)
 * </pre>
 *
 * A node whose data directory has less than {@code minFreeDiskBytes} free gets no new bundle
 * while another node has enough.
 */
public record LoadBlend(
    long ingestBytesUnit,
    long referenceIngestRate,
    double ingestWeight,
    double bundleWeight,
    double cpuWeight,
    double diskWeight,
    double pendingWeight,
    long minFreeDiskBytes,
    Duration pendingTimeout) {

  public static LoadBlend fromConfig(Config placement) {
    return new LoadBlend(
        Math.max(1, placement.getBytes("ingest-bytes-unit")),
        Math.max(1, placement.getBytes("reference-ingest-rate")),
        placement.getDouble("ingest-weight"),
        placement.getDouble("bundle-weight"),
        placement.getDouble("cpu-weight"),
        placement.getDouble("disk-weight"),
        placement.getDouble("pending-weight"),
        placement.getBytes("min-free-disk"),
        placement.getDuration("pending-timeout"));
  }

  /** The node's own load as it reported it; 0 for a node that has not reported yet. */
  public double score(NodeLoadReport r) {
    return score(r, 0);
  }

  /** The node's load once it also holds {@code extraBytes} more to ingest (new or pending bundles). */
  public double score(NodeLoadReport r, long extraBytes) {
    if (r == null) return ingestWeight * extraBytes / ingestBytesUnit;
    double slowness = r.ingestBytesPerSecond() > 0 ? (double) referenceIngestRate / r.ingestBytesPerSecond() : 1;
    double ingest = ingestWeight * (r.ingestBytes() + extraBytes) / ingestBytesUnit * slowness;
    double bundles = bundleWeight * r.bundles().size();
    double cpu = r.cpuLoadMilli() < 0 ? 0 : cpuWeight * r.cpuLoadMilli() / 1000.0;
    double disk = r.totalDiskBytes() <= 0 ? 0
        : diskWeight * (r.totalDiskBytes() - r.freeDiskBytes()) / (double) r.totalDiskBytes();
    return ingest + bundles + cpu + disk;
  }

  /** Enough free disk for a new bundle (unknown counts as enough). */
  public boolean hasRoom(NodeLoadReport r) {
    return r == null || r.totalDiskBytes() <= 0 || r.freeDiskBytes() >= minFreeDiskBytes;
  }
}
