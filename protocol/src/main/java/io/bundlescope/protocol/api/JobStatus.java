package io.bundlescope.protocol.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * Answer of {@code GET /logs/job_status}.
 *
 * @param jobStatus queued, inprogress, completed or failed
 * @param summary records per node, service and level once completed, else null
 * @param ingestPolicy {@code {info, debug, count_slot_ms}}: what ingest does with INFO and
 *     DEBUG/TRACE records (index, count, drop)
 */
public record JobStatus(
    String id,
    String jobStatus,
    Instant startTime,
    Instant endTime,
    String errorMsg,
    String logBundlePath,
    String bundleType,
    String hostingWorkerVmIp,
    Progress progress,
    List<String> warnings,
    JsonNode summary,
    JsonNode ingestPolicy) {

  /**
   * @param records records indexed so far
   * @param recordsCounted records the ingest policy counted (per template) instead of indexing
   * @param recordsDropped records the ingest policy dropped (counted in these totals only)
   */
  public record Progress(long filesTotal, long filesDone, long bytesTotal, long bytesDone, long records,
      long recordsCounted, long recordsDropped) {}
}
