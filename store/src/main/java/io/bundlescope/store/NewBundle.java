package io.bundlescope.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A bundle submitted for analysis; becomes a {@code queued} row.
 *
 * @param size bytes, or null when not known yet
 * @param hostIp worker that will host the bundle, or null
 * @param remotePath where other nodes can read the bundle, or null
 * @param ingestPolicyJson the bundle's ingest policy as JSON, or null (every record indexed)
 */
public record NewBundle(String id, String path, Long size, String logType, String hostIp, String remotePath,
                        Instant submittedAt, String ingestPolicyJson) {
    /** Without an ingest policy (every record indexed). */
    public NewBundle(String id, String path, Long size, String logType, String hostIp, String remotePath,
                     Instant submittedAt) {
        this(id, path, size, logType, hostIp, remotePath, submittedAt, null);
    }

    public NewBundle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }
}
