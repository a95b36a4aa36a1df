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
 * @param messageIps IPv4 addresses of which one must appear anywhere in the message
 * @param regex a Java regular expression the message must contain a match of, or null; it is
 *     only tried on the records the other filters leave, within the store's time budget
 * @param templateIds message template ids (see {@code LogRecord#templateId})
 * @param templateNodes (template, node) pairs of which a record must be one; unlike the other
 *     filters null means "no filter" and an empty set matches no record (a pair filter is
 *     computed, e.g. from anomaly scores, and may well come out empty)
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
    boolean descending,
    Set<String> messageIps,
    String regex,
    Set<Long> templateIds,
    Set<TemplateNode> templateNodes) {

  /** A query without a (template, node) pair filter. */
  public LogQuery(List<String> bundleIds, Set<String> services, Set<String> cvmIps,
      Set<LogLevel> levels, Set<String> filenames, Set<Long> pids, Long startMicros,
      Long endMicros, String text, int limit, String cursor, boolean descending,
      Set<String> messageIps, String regex, Set<Long> templateIds) {
    this(bundleIds, services, cvmIps, levels, filenames, pids, startMicros, endMicros, text, limit,
        cursor, descending, messageIps, regex, templateIds, null);
  }

  /** A query without a template filter. */
  public LogQuery(List<String> bundleIds, Set<String> services, Set<String> cvmIps,
      Set<LogLevel> levels, Set<String> filenames, Set<Long> pids, Long startMicros,
      Long endMicros, String text, int limit, String cursor, boolean descending,
      Set<String> messageIps, String regex) {
    this(bundleIds, services, cvmIps, levels, filenames, pids, startMicros, endMicros, text, limit,
        cursor, descending, messageIps, regex, Set.of());
  }

  /** A query without message-IP and regex filters. */
  public LogQuery(List<String> bundleIds, Set<String> services, Set<String> cvmIps,
      Set<LogLevel> levels, Set<String> filenames, Set<Long> pids, Long startMicros,
      Long endMicros, String text, int limit, String cursor, boolean descending) {
    this(bundleIds, services, cvmIps, levels, filenames, pids, startMicros, endMicros, text,
        limit, cursor, descending, Set.of(), null);
  }

  /** A query for every record of the given bundles. */
  public static LogQuery all(List<String> bundleIds) {
    return new LogQuery(bundleIds, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, 100, null, false);
  }

  /** The same filters, another page. */
  public LogQuery withPage(int pageLimit, String pageCursor) {
    return new LogQuery(bundleIds, services, cvmIps, levels, filenames, pids, startMicros,
        endMicros, text, pageLimit, pageCursor, descending, messageIps, regex, templateIds, templateNodes);
  }

  /** The same query within [start, end) (null: open). */
  public LogQuery withTimeRange(Long start, Long end) {
    return new LogQuery(bundleIds, services, cvmIps, levels, filenames, pids, start, end, text, limit,
        cursor, descending, messageIps, regex, templateIds, templateNodes);
  }

  /** The same query restricted to records of these (template, node) pairs (null: no such filter). */
  public LogQuery withTemplateNodes(Set<TemplateNode> pairs) {
    return new LogQuery(bundleIds, services, cvmIps, levels, filenames, pids, startMicros,
        endMicros, text, limit, cursor, descending, messageIps, regex, templateIds, pairs);
  }

  /** The same query restricted to these levels. */
  public LogQuery withLevels(Set<LogLevel> onlyLevels) {
    return new LogQuery(bundleIds, services, cvmIps, onlyLevels, filenames, pids, startMicros,
        endMicros, text, limit, cursor, descending, messageIps, regex, templateIds, templateNodes);
  }
}
