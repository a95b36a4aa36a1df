package io.bundlescope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseRestartTest {
    @TempDir
    Path dir;

    @Test
    void dataAndInboxClaimsSurviveARestartOnTheSameDataDirectory() {
        Path pg = dir.resolve("pg");
        Instant mtime = Instant.parse("2024-05-01T10:00:00Z");
        try (Database first = Database.start(DatabaseSettings.embedded(pg, 0))) {
            BundleRepository repo = new BundleRepository(first.dataSource());
            repo.insert(new NewBundle("b-1", "/inbox/a.tgz", 10L, "syslog", null, null, mtime));
            assertTrue(repo.claimInbox("/inbox/a.tgz", 10, mtime, "b-1"));
        }
        assertTrue(Files.exists(pg.resolve("PG_VERSION")));
        assertFalse(Files.exists(pg.resolve(OrphanedPostmaster.PID_FILE)), "a clean close stops the postmaster");

        try (Database second = Database.start(DatabaseSettings.embedded(pg, 0))) {
            BundleRepository repo = new BundleRepository(second.dataSource());
            assertEquals(Optional.of("b-1"), repo.inboxClaim("/inbox/a.tgz", 10, mtime));
            assertFalse(repo.claimInbox("/inbox/a.tgz", 10, mtime, "b-2"), "claimed before the restart");
            assertEquals("/inbox/a.tgz", repo.findById("b-1").orElseThrow().logBundlePath());
        }
    }

    @Test
    void closeStopsTheEmbeddedServerAndIsIdempotent() {
        Database db = Database.start(DatabaseSettings.embedded(dir.resolve("pg"), 0));
        assertTrue(db.isReachable());
        db.close();
        db.close();
        assertFalse(db.isReachable());
        assertThrows(SQLException.class, () -> DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()).close());
    }
}
