package io.bundlescope.index;

import io.bundlescope.parsers.LogRecord;
import java.util.List;

/**
 * A page of time-sorted records.
 *
 * @param total number of records matching the query (all pages)
 * @param records this page, in the query's order
 * @param nextCursor opaque cursor for the next page, or null when this is the last
 */
public record SearchPage(long total, List<LogRecord> records, String nextCursor) {}
