package io.bundlescope.store;

import java.time.Instant;
import java.util.List;

/** One row of {@code log_bundles}. Nullable columns are boxed or null; {@code summaryJson} and
 * {@code ingestPolicyJson} are raw JSON or null; {@code records} are the indexed records, {@code
 * recordsCounted} and {@code recordsDropped} those the ingest policy counted or dropped. */
public record BundleRow(
        String logBundleId,
        String logBundlePath,
        JobStatus status,
        String hostingWorkerVmIp,
        Long bundleSize,
        String bundleType,
        boolean isAnalyzed,
        String remoteLogBundlePath,
        String logType,
        Instant submittedAt,
        Instant startTime,
        Instant endTime,
        String errorMsg,
        long filesTotal,
        long filesDone,
        long bytesTotal,
        long bytesDone,
        long records,
        List<String> warnings,
        String summaryJson,
        String ingestPolicyJson,
        long recordsCounted,
        long recordsDropped) {

    public BundleRow {
        warnings = List.copyOf(warnings);
    }
}
