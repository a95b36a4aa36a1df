package io.bundlescope.store;

/** A database operation failed; wraps the {@link java.sql.SQLException} or start-up failure. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
