package io.bundlescope.protocol.api;

import java.util.List;

/** Answer of {@code GET /logs/search}. */
public record SearchResponse(long total, List<LogRecordView> records, String nextCursor) {}
