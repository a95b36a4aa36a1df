package io.bundlescope.protocol.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * Answer of {@code GET /logs/job_status}.
 *
 * @param jobStatus queued, inprogress, completed or failed
 * @param summary records per node, service and level once completed, else null
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
    JsonNode summary) {

  public record Progress(long filesTotal, long filesDone, long bytesTotal, long bytesDone, long records) {}
}
