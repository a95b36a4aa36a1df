package io.bundlescope.protocol.api;

import java.util.List;

/**
 * Answer of {@code GET /logs/context}: a record among its neighbours in its file, by line.
 *
 * @param id the record asked about
 * @param targetIndex its place in {@code records}
 */
public record ContextResponse(String id, String logBundleId, String filepath, int targetIndex,
    List<LogRecordView> records) {}
