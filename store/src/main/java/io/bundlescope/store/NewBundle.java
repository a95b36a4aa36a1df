package io.bundlescope.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A bundle submitted for analysis; becomes a {@code queued} row.
 *
 * @param size bytes, or null when not known yet
 * @param hostIp worker that will host the bundle, or null
 * @param remotePath where other nodes can read the bundle, or null
 */
public record NewBundle(String id, String path, Long size, String logType, String hostIp, String remotePath,
                        Instant submittedAt) {
    public NewBundle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }
}
