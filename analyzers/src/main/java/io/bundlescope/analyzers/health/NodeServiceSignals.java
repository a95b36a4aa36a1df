package io.bundlescope.analyzers.health;

import io.bundlescope.analyzers.processes.ProcessRun;
import java.util.List;

/**
 * What is known about one service on one node, the scorer's whole input for it.
 *
 * @param cvmIp the node, or null in a bundle without node IPs
 * @param records all its records
 * @param errors its ERROR records
 * @param fatals its FATAL records
 * @param fatalIds its latest FATAL records, newest first
 * @param errorIds its latest ERROR records, newest first
 * @param earlyErrors ERROR and FATAL records in the first three quarters of the bundle's span
 * @param lateErrors ERROR and FATAL records in its last quarter
 * @param lateErrorIds the latest of those, newest first
 * @param runs its process runs, oldest first
 * @param issues the known issues whose evidence includes its records
 * @param anomalous its records scored at least {@link HealthWeights#anomalyThreshold}
 * @param anomalyIds some of those
 */
public record NodeServiceSignals(String cvmIp, String service, long records, long errors, long fatals,
    List<String> fatalIds, List<String> errorIds, long earlyErrors, long lateErrors, List<String> lateErrorIds,
    List<ProcessRun> runs, List<IssueSignal> issues, long anomalous, List<String> anomalyIds) {}
