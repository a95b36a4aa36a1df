package io.bundlescope.store;

/**
 * A backup could not be written or restored: a corrupt or truncated file, a database at another schema version,
 * a non-empty target, running nodes. The message says what to do; a restore that throws it has rolled back.
 */
public class BackupException extends StoreException {
    public BackupException(String message) {
        super(message, null);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
