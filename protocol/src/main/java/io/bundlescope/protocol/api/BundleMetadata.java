package io.bundlescope.protocol.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One row of {@code GET /logs/metadata}: the seed's fields first, then what else is known. */
public record BundleMetadata(
    String logBundlePath,
    boolean isAnalyzed,
    Long logBundleSize,
    String logBundleId,
    String logType,
    String status,
    String bundleType,
    String hostingWorkerVmIp,
    String remoteLogBundlePath,
    Instant submittedAt,
    JsonNode ingestPolicy) {}
