package io.bundlescope.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Run in a child JVM by {@link OrphanedPostmasterTest}: starts the embedded database on {@code args[0]}, claims an
 * inbox path and prints {@code READY}; then either waits to be killed ({@code args[1] = "wait"}) or exits normally
 * without closing the database ({@code "exit"}).
 */
public final class OrphanedDatabaseMain {
    public static void main(String[] args) throws InterruptedException {
        Database db = Database.start(DatabaseSettings.embedded(Path.of(args[0]), 0));
        new BundleRepository(db.dataSource()).claimInbox("/inbox/before-crash.tgz", 1, Instant.EPOCH, "b-crash");
        System.out.println("READY");
        System.out.flush();
        if (args[1].equals("exit")) {
            System.exit(0);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
