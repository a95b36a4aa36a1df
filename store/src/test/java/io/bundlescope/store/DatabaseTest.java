package io.bundlescope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    static Path dir;
    static Database db;

    @BeforeAll
    static void start() {
        db = Database.start(DatabaseSettings.embedded(dir.resolve("pg"), 0));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void migrationsCreatePekkoJournalAndBundleTables() throws SQLException {
        List<String> tables = strings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
        assertTrue(tables.containsAll(List.of(
                "event_journal", "event_tag", "snapshot", "durable_state", "log_bundles", "inbox_claims")), tables.toString());
        assertEquals(ShippedMigrations.versions(),
                strings("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"));
    }

    @Test
    void journalIndexesExistWithoutConcurrently() throws SQLException {
        List<String> indexes = strings("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'");
        assertTrue(indexes.containsAll(List.of(
                "event_journal_ordering_idx", "state_tag_idx", "state_global_offset_idx", "log_bundles_path_idx")),
                indexes.toString());
    }

    @Test
    void exposedJdbcCoordinatesLetAnotherClientConnect() throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM event_journal")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getLong(1));
        }
        assertEquals("postgres", db.user());
        assertTrue(db.jdbcUrl().startsWith("jdbc:postgresql://localhost:"), db.jdbcUrl());
    }

    @Test
    void externalSettingsConnectToARunningServerAndFindMigrationsApplied() throws SQLException {
        try (Database external = Database.start(DatabaseSettings.external(db.jdbcUrl(), db.user(), db.password()))) {
            assertTrue(external.isReachable());
            try (Connection c = external.dataSource().getConnection();
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM flyway_schema_history")) {
                assertTrue(rs.next());
                assertEquals(ShippedMigrations.versions().size(), rs.getLong(1));
            }
        }
        assertTrue(db.isReachable(), "closing the external handle leaves the server running");
    }

    @Test
    void unreachableExternalServerFailsStartWithStoreException() {
        assertThrows(StoreException.class, () -> Database.start(DatabaseSettings.external(
                "jdbc:postgresql://localhost:1/postgres?connectTimeout=2", "postgres", "secret")));
    }

    @Test
    void externalSettingsNeverPrintThePassword() {
        assertFalse(DatabaseSettings.external("jdbc:postgresql://db/x", "u", "s3cret").toString().contains("s3cret"));
    }

    @Test
    void runningDatabaseIsReachable() {
        assertTrue(db.isReachable());
    }

    private static List<String> strings(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
