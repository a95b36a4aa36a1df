package io.bundlescope.index;

import io.bundlescope.parsers.LogLevel;

/**
 * Records of one chunk that the ingest policy counted instead of indexing, aggregated by
 * (message template, node, service, level, time slot).
 *
 * @param cvmIp the node, or null
 * @param slotMicros start of the time slot (epoch-aligned); counted records are placed there
 * @param count how many records
 */
public record CountedRow(long templateId, String cvmIp, String service, LogLevel level, long slotMicros, long count) {}
