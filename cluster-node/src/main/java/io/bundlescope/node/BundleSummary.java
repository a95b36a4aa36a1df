package io.bundlescope.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bundlescope.protocol.ChunkResult;
import io.bundlescope.protocol.IngestPolicy;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The one-screen summary of a finished bundle: records per node, service and level. */
final class BundleSummary {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BundleSummary() {}

  static String json(String bundleType, Collection<ChunkResult> results, int warnings) {
    return json(bundleType, results, warnings, IngestPolicy.INDEX_ALL);
  }

  /**
   * {@code records} and the {@code by_*} maps count indexed records; {@code records_counted} and
   * {@code records_dropped} (with their levels) those the ingest policy counted or dropped.
   */
  static String json(String bundleType, Collection<ChunkResult> results, int warnings, IngestPolicy policy) {
    Map<String, Long> countedByLevel = new TreeMap<>();
    Map<String, Long> droppedByLevel = new TreeMap<>();
    long counted = 0;
    long dropped = 0;
    Map<String, Long> byNode = new TreeMap<>();
    Map<String, Long> byService = new TreeMap<>();
    Map<String, Long> byLevel = new TreeMap<>();
    long records = 0;
    long bytes = 0;
    long filesWithRecords = 0;
    for (ChunkResult r : results) {
      counted += r.counted();
      dropped += r.dropped();
      r.countedByLevel().forEach((level, n) -> countedByLevel.merge(level, n, Long::sum));
      r.droppedByLevel().forEach((level, n) -> droppedByLevel.merge(level, n, Long::sum));
      if (r.records() + r.counted() + r.dropped() == 0) continue;
      filesWithRecords++;
      records += r.records();
      bytes += r.bytes();
      byNode.merge(r.cvmIp() == null ? "unknown" : r.cvmIp(), r.records(), Long::sum);
      byService.merge(r.service(), r.records(), Long::sum);
      r.recordsByLevel().forEach((level, n) -> byLevel.merge(level, n, Long::sum));
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("bundle_type", bundleType);
    summary.put("records", records);
    summary.put("files", results.size());
    summary.put("files_with_records", filesWithRecords);
    summary.put("decompressed_bytes", bytes);
    summary.put("warnings", warnings);
    summary.put("by_cvm_ip", byNode);
    summary.put("by_service", byService);
    summary.put("by_level", byLevel);
    summary.put("records_counted", counted);
    summary.put("records_dropped", dropped);
    summary.put("counted_by_level", countedByLevel);
    summary.put("dropped_by_level", droppedByLevel);
    summary.put("ingest_policy", Map.of("info", policy.info().wire(), "debug", policy.debug().wire(),
        "count_slot_ms", policy.countSlotMillis()));
    try {
      return JSON.writeValueAsString(summary);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
