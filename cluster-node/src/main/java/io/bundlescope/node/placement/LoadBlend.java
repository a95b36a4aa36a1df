package io.bundlescope.node.placement;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How a node's load is reduced to one number, smaller = better place for a new bundle (see
 * {@code bundlescope.placement} in reference.conf):
 *
 * <pre>
 *   load = ingestWeight * ingestBytes / ingestBytesUnit      bytes still to ingest there
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
    if (r == null) return 0;
    double ingest = ingestWeight * r.ingestBytes() / ingestBytesUnit;
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
