package io.bundlescope.store;

import java.util.Locale;

/** Lifecycle of an analysis job, stored lowercase in {@code log_bundles.status}. */
public enum JobStatus {
    QUEUED, INPROGRESS, COMPLETED, FAILED;

    /** The spelling used in the database and the API, e.g. {@code inprogress}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the {@link #wire()} spelling. */
    public static JobStatus fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
