package io.bundlescope.node.placement;

import io.bundlescope.protocol.CborSerializable;
import java.util.List;

/**
 * What a node says about its own load, published about once a second into the cluster-wide
 * Distributed Data map {@link NodeLoad#KEY} under its member address. Only longs, strings and
 * booleans: DData values cross nodes through Jackson CBOR.
 *
 * @param seq increases with every publication of this node incarnation
 * @param ingestBytes bytes on disk still to ingest for the bundles on this node, queued and being
 *     parsed (a bundle being staged counts with its size on disk)
 * @param bundles ids of the bundles being staged or ingested on this node
 * @param cpuLoadMilli system load average over one minute per core, times 1000; -1 when unknown
 * @param freeDiskBytes usable bytes on the file system of the node's data directory
 * @param totalDiskBytes size of that file system
 * @param draining the node takes no new bundle: an operator drained it, or it is shutting down
 * @param http the node's HTTP API as {@code host:port} (its name, as in hosting_worker_vm_ip)
 * @param ingestBytesPerSecond its measured ingest rate ({@link IngestRate}); 0 until measured
 */
public record NodeLoadReport(
    long seq,
    long ingestBytes,
    List<String> bundles,
    long cpuLoadMilli,
    long freeDiskBytes,
    long totalDiskBytes,
    boolean draining,
    String http,
    long ingestBytesPerSecond) implements CborSerializable {

  public NodeLoadReport {
    bundles = bundles == null ? List.of() : List.copyOf(bundles);
  }
}
