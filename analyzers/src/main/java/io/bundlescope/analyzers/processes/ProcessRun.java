package io.bundlescope.analyzers.processes;

/**
 * One run of a service's process on a node.
 *
 * @param cvmIp the node's IP, or null in a bundle without node IPs
 * @param service the service (file stem)
 * @param pid the process id, or null for a service whose records carry no usable pid (one run)
 * @param startMicros the glog file name's start time when it is a little earlier than the first
 *     record (see {@link RunSettings#nameStartLeadMicros}), else the first record's time
 * @param endMicros the last record's time
 * @param records the run's records
 * @param ended how it ended
 * @param endRecordId the record that shows how it ended: the last FATAL, the shutdown line, or
 *     the last record before a restart; null while running
 * @param firstRecordId the run's first record
 */
public record ProcessRun(String cvmIp, String service, Long pid, long startMicros, long endMicros, long records,
    Ending ended, String endRecordId, String firstRecordId) {}
