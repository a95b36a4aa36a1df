package io.bundlescope.index;

import java.util.SortedSet;

/**
 * How one message template shows in the records a query matches.
 *
 * @param firstMicros time of its first matching record
 * @param lastMicros time of its last matching record
 * @param nodes the node IPs it appears on
 * @param services the services it appears in
 */
public record TemplateStat(long templateId, long count, long firstMicros, long lastMicros,
    SortedSet<String> nodes, SortedSet<String> services) {}
