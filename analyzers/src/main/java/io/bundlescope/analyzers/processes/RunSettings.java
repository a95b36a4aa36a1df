package io.bundlescope.analyzers.processes;

/**
 * How process runs are delimited and judged; every default is in {@link #defaults()}.
 *
 * @param fatalNearEndMicros a run ended with a FATAL when its last FATAL record is at most this
 *     long before its last record (default 5 min: glog's FATAL is followed by the failure's stack
 *     trace, and other threads may still log for a moment)
 * @param cleanNearEndMicros a run ended cleanly when a line matching {@code cleanQuery} is at
 *     most this long before its last record (default 1 min)
 * @param cleanQuery the shutdown lines, as a full-text query over the message (kept small on
 *     purpose: a false "clean" hides a crash)
 * @param nameStartLeadMicros the glog file name's {@code yyyymmdd-hhmmss} (read as UTC, like
 *     glog's lines) is taken as the start when it is at most this long before the first record
 *     (default 1 h); a name further off (a node clock in another zone) is ignored
 */
public record RunSettings(long fatalNearEndMicros, long cleanNearEndMicros, String cleanQuery,
    long nameStartLeadMicros) {

  /** The shutdown lines recognized by default. */
  public static final String CLEAN_QUERY =
      "\"shutting down\" OR \"exiting normally\" OR stopped OR \"received signal 15\" OR sigterm";

  public static RunSettings defaults() {
    return new RunSettings(300_000_000L, 60_000_000L, CLEAN_QUERY, 3_600_000_000L);
  }
}
