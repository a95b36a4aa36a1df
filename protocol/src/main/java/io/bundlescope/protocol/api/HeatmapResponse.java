package io.bundlescope.protocol.api;

import java.time.Instant;
import java.util.List;

/**
 * Answer of {@code GET /logs/heatmap}: counts of records per row key (node or service) and
 * time column.
 *
 * @param rowsBy {@code cvm_ip} or {@code service}
 * @param logLevels the levels counted
 * @param rows row keys, largest total first
 * @param columns start of each column; a column spans one interval
 * @param cells {@code cells[row][column]}
 * @param max the largest cell (for a colour scale)
 */
public record HeatmapResponse(String rowsBy, String interval, long intervalMs, List<String> logLevels,
    List<String> rows, List<Instant> columns, List<Long> columnsMs, long[][] cells, long total, long max) {}
