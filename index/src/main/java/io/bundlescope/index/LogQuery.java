package io.bundlescope.index;

import io.bundlescope.parsers.LogLevel;
import java.util.List;
import java.util.Set;

/**
 * Filters shared by search, count and aggregate. Empty sets and null bounds mean "no filter".
 *
 * @param bundleIds bundles to search (at least one)
 * @param services exact service (file stem) values
 * @param cvmIps exact node IPs
 * @param levels normalized levels
 * @param filenames exact file base names
 * @param pids process ids
 * @param startMicros inclusive lower bound on time (UTC micros), or null
 * @param endMicros exclusive upper bound on time (UTC micros), or null
 * @param text full-text query on the message (words, "phrases", AND/OR/NOT, prefix*), or null
 * @param limit page size for search
 * @param cursor cursor from a previous page, or null
 * @param descending newest first when true
 */
public record LogQuery(
    List<String> bundleIds,
    Set<String> services,
    Set<String> cvmIps,
    Set<LogLevel> levels,
    Set<String> filenames,
    Set<Long> pids,
    Long startMicros,
    Long endMicros,
    String text,
    int limit,
    String cursor,
    boolean descending) {

  /** A query for every record of the given bundles. */
  public static LogQuery all(List<String> bundleIds) {
    return new LogQuery(bundleIds, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, 100, null, false);
  }
}
