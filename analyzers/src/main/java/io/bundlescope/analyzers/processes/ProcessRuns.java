package io.bundlescope.analyzers.processes;

import java.util.List;

/**
 * What {@link ProcessRunFinder} found.
 *
 * @param runs by node, then service, then start time
 * @param restarts one entry per (node, service), in the same order
 */
public record ProcessRuns(List<ProcessRun> runs, List<ServiceRestarts> restarts) {

  /** The runs of one service on one node, oldest first. */
  public List<ProcessRun> of(String cvmIp, String service) {
    return runs.stream()
        .filter(r -> java.util.Objects.equals(r.cvmIp(), cvmIp) && r.service().equals(service))
        .toList();
  }
}
