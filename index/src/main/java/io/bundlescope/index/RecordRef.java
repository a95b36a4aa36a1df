package io.bundlescope.index;

/**
 * Where and when a record is, without its text: what rule conditions and timelines need.
 *
 * @param id the record's id
 * @param timeMicros UTC time in microseconds
 * @param cvmIp the node's IP, or null when unknown
 * @param service the service (file stem)
 */
public record RecordRef(String id, long timeMicros, String cvmIp, String service) {}
