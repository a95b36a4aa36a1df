package io.bundlescope.store;

import java.time.Instant;
import java.util.List;

/** One row of {@code log_bundles}. Nullable columns are boxed or null; {@code summaryJson} is raw JSON or null. */
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
        String summaryJson) {

    public BundleRow {
        warnings = List.copyOf(warnings);
    }
}
