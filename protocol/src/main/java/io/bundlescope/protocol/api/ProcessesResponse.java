package io.bundlescope.protocol.api;

import java.time.Instant;
import java.util.List;

/**
 * {@code /logs/processes}: the process runs of a bundle's services per node.
 *
 * @param runs by node, service and start time
 * @param restarts one per (node, service)
 */
public record ProcessesResponse(String logBundleId, List<Run> runs, List<Restarts> restarts) {

  /**
   * @param pid null for a service whose records carry no usable pid (its records are one run)
   * @param ended {@code fatal}, {@code restarted}, {@code clean} or {@code running}
   * @param endRecordId the FATAL record, the shutdown line or the last record before a restart;
   *     null while running
   */
  public record Run(String cvmIp, String service, Long pid, Instant startTime, Instant endTime, long records,
      String ended, String endRecordId, String firstRecordId) {}

  /** @param restarts runs followed by another run; {@code fatal}: runs ended by a FATAL */
  public record Restarts(String cvmIp, String service, int runs, int restarts, int fatal) {}
}
