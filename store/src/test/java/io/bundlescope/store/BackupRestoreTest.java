package io.bundlescope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups of a populated database restored into databases of a second embedded PostgreSQL. Every source and
 * target is a database of its own (CREATE DATABASE), migrated by the real migrations plus
 * {@code db/backuptest} (tables the backup has never heard of), so tests share no rows and run in any order.
 */
class BackupRestoreTest {
    private static final String SCHEMA_VERSION = "100";

    @TempDir
    static Path dir;
    static Database sourceServer;
    static Database targetServer;
    static Path backup;
    static BackupManifest backupManifest;

    @BeforeAll
    static void start() throws Exception {
        sourceServer = Database.start(DatabaseSettings.embedded(dir.resolve("pg-source"), 0), "backup-test");
        targetServer = Database.start(DatabaseSettings.embedded(dir.resolve("pg-target"), 0), "backup-test");
        createDatabase(sourceServer, "quiet");
        populate(sourceServer, "quiet", 1500);
        backup = dir.resolve("quiet.backup");
        try (Connection c = connect(sourceServer, "quiet")) {
            backupManifest = new Backup().write(c, backup);
        }
    }

    @AfterAll
    static void stop() {
        if (targetServer != null) targetServer.close();
        if (sourceServer != null) sourceServer.close();
    }

    @Test
    void restoreReproducesEveryTableRowByRowAndSequencesContinuePastTheRestoredMax() throws Exception {
        createDatabase(targetServer, "roundtrip");
        BackupManifest restored;
        try (Connection c = connect(targetServer, "roundtrip")) {
            restored = new Restore().restore(c, backup);
        }

        assertEquals(backupManifest, restored);
        assertEquals(SCHEMA_VERSION, restored.schemaVersion());
        List<String> tables = restored.tables().stream().map(BackupManifest.Table::qualifiedName).toList();
        assertTrue(tables.containsAll(List.of("public.event_journal", "public.event_tag", "public.snapshot",
                "public.durable_state", "public.log_bundles", "public.inbox_claims", "public.xrules",
                "public.xrule_hits")), tables.toString());
        assertFalse(tables.contains("public.flyway_schema_history"));
        assertTrue(tables.indexOf("public.xrules") < tables.indexOf("public.xrule_hits"), "parents load first");
        assertTrue(tables.indexOf("public.log_bundles") < tables.indexOf("public.xrule_hits"), "parents load first");
        assertEquals(1350, rowsOf(restored, "public.event_journal"));

        Map<String, String> source = contents(sourceServer, "quiet", tables);
        Map<String, String> target = contents(targetServer, "roundtrip", tables);
        assertEquals(source, target);
        assertTrue(target.get("public.event_journal").startsWith("1350:"), target.toString());

        try (Connection c = connect(targetServer, "roundtrip"); Statement st = c.createStatement()) {
            long maxOrdering = single(c, "SELECT max(ordering) FROM event_journal");
            st.executeUpdate("INSERT INTO event_journal (persistence_id, sequence_number, writer, event_ser_id, "
                    + "event_ser_manifest, event_payload) VALUES ('Bundle|after', 1, 'w', 1, 'm', '\\x00')");
            assertEquals(maxOrdering + 1, single(c, "SELECT ordering FROM event_journal WHERE persistence_id = 'Bundle|after'"));
            long maxRule = single(c, "SELECT max(rule_id) FROM xrules");
            st.executeUpdate("INSERT INTO xrules (name, pattern) VALUES ('after', 'x')");
            assertEquals(maxRule + 1, single(c, "SELECT rule_id FROM xrules WHERE name = 'after'"));
            assertEquals("AFTER", string(c, "SELECT name_upper FROM xrules WHERE name = 'after'"));
            assertEquals(1001, single(c, "SELECT nextval('report_numbers')"), "a free sequence keeps its value");
            assertEquals(1, single(c, "SELECT nextval('durable_state_global_offset_seq')"), "empty table: start");
        }
    }

    @Test
    void backupTakenWhileWritersCommitHoldsOneSnapshotOfEveryTable() throws Exception {
        createDatabase(sourceServer, "live");
        populate(sourceServer, "live", 200);
        createDatabase(targetServer, "live_copy");
        try (Connection c = connect(sourceServer, "live"); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO log_bundles (log_bundle_id, log_bundle_path, status, submitted_at, records) "
                    + "VALUES ('live', '/live', 'inprogress', now(), 0)");
        }
        // Each writer transaction touches four tables; the restored copy must show all four at the same count.
        AtomicLong committed = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Connection c = connect(sourceServer, "live")) {
                c.setAutoCommit(false);
                for (long n = 1; !stop.get(); n++) {
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate("INSERT INTO event_journal (persistence_id, sequence_number, writer, "
                                + "event_ser_id, event_ser_manifest, event_payload) VALUES ('Bundle|live', " + n
                                + ", 'w', 1, 'E', decode(md5('" + n + "'), 'hex'))");
                        st.executeUpdate("INSERT INTO event_tag (event_id, tag) SELECT ordering, 'live' FROM "
                                + "event_journal WHERE persistence_id = 'Bundle|live' AND sequence_number = " + n);
                        st.executeUpdate("UPDATE log_bundles SET records = " + n + " WHERE log_bundle_id = 'live'");
                        st.executeUpdate("INSERT INTO xrules (name, pattern) VALUES ('live-" + n + "', 'p')");
                    }
                    c.commit();
                    synchronized (committed) {
                        committed.set(n);
                        committed.notifyAll();
                    }
                }
            } catch (Throwable t) {
                writerFailure.set(t);
                synchronized (committed) {
                    committed.notifyAll();
                }
            }
        }, "backup-test-writer");
        writer.start();
        awaitCommitsBeyond(committed, 0, writerFailure);
        long beforeBackup = committed.get();
        List<Long> duringBackup = new ArrayList<>();
        Path file = dir.resolve("live.backup");
        BackupManifest manifest;
        try (Connection c = connect(sourceServer, "live")) {
            manifest = new Backup().onTable(t -> {
                // Let the writer commit at least once more between any two tables the backup reads.
                long seen = committed.get();
                awaitCommitsBeyond(committed, seen, writerFailure);
                duringBackup.add(committed.get());
            }).write(c, file);
        } finally {
            stop.set(true);
            writer.join();
        }
        assertNull(writerFailure.get());
        long afterBackup = committed.get();

        try (Connection c = connect(targetServer, "live_copy")) {
            new Restore().restore(c, file);
            long n = single(c, "SELECT records FROM log_bundles WHERE log_bundle_id = 'live'");
            assertTrue(n >= beforeBackup, n + " >= " + beforeBackup);
            assertTrue(n < afterBackup, "commits during the backup are not in it: " + n + " < " + afterBackup);
            assertEquals(n, single(c, "SELECT count(*) FROM event_journal WHERE persistence_id = 'Bundle|live'"));
            assertEquals(n, single(c, "SELECT coalesce(max(sequence_number), 0) FROM event_journal "
                    + "WHERE persistence_id = 'Bundle|live'"));
            assertEquals(n, single(c, "SELECT count(*) FROM event_tag WHERE tag = 'live'"));
            assertEquals(n, single(c, "SELECT count(*) FROM xrules WHERE name LIKE 'live-%'"));
            for (BackupManifest.Table t : manifest.tables()) {
                assertEquals(t.rows(), single(c, "SELECT count(*) FROM " + t.qualifiedName()), t.qualifiedName());
            }
        }
        assertTrue(duringBackup.stream().allMatch(x -> x > beforeBackup), duringBackup.toString());
    }

    @Test
    void refusesANonEmptyTargetUnlessForcedAndThenReplacesItsContents() throws Exception {
        createDatabase(targetServer, "busy");
        try (Connection c = connect(targetServer, "busy"); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO log_bundles (log_bundle_id, log_bundle_path, status, submitted_at) "
                    + "VALUES ('already-here', '/x', 'queued', now())");
            BackupException e = assertThrows(BackupException.class, () -> new Restore().restore(c, backup));
            assertTrue(e.getMessage().contains("not empty") && e.getMessage().contains("public.log_bundles")
                    && e.getMessage().contains("--force"), e.getMessage());
            assertEquals(1, single(c, "SELECT count(*) FROM log_bundles"));
            assertEquals(0, single(c, "SELECT count(*) FROM event_journal"));

            new Restore().force(true).restore(c, backup);
            assertEquals(0, single(c, "SELECT count(*) FROM log_bundles WHERE log_bundle_id = 'already-here'"));
        }
        List<String> tables = backupManifest.tables().stream().map(BackupManifest.Table::qualifiedName).toList();
        assertEquals(contents(sourceServer, "quiet", tables), contents(targetServer, "busy", tables));
    }

    @Test
    void refusesADatabaseAtAnotherSchemaVersion() throws Exception {
        // The server's own "postgres" database has only the real migrations, not the test's version 100.
        try (Connection c = connect(targetServer, "postgres")) {
            BackupException e = assertThrows(BackupException.class, () -> new Restore().restore(c, backup));
            assertTrue(e.getMessage().contains("schema version " + SCHEMA_VERSION)
                    && e.getMessage().contains("at version " + ShippedMigrations.latest()), e.getMessage());
            assertEquals(0, single(c, "SELECT count(*) FROM event_journal"));
        }
    }

    @Test
    void refusesWhileABundlescopeNodeIsConnected() throws Exception {
        createDatabase(targetServer, "in_use");
        Properties p = new Properties();
        p.setProperty("user", targetServer.user());
        p.setProperty("password", targetServer.password());
        p.setProperty("ApplicationName", Restore.NODE_APPLICATION_NAME);
        try (Connection node = DriverManager.getConnection(url(targetServer, "in_use"), p);
             Connection c = connect(targetServer, "in_use")) {
            BackupException e = assertThrows(BackupException.class, () -> new Restore().restore(c, backup));
            assertTrue(e.getMessage().contains("stop every node"), e.getMessage());
            assertTrue(node.isValid(1));
        }
    }

    @Test
    void aTruncatedFileIsRejectedAndNothingIsRestored() throws Exception {
        createDatabase(targetServer, "truncated");
        Path plain = dir.resolve("plain-for-truncation.backup");
        try (Connection c = connect(sourceServer, "quiet")) {
            new Backup().compressed(false).write(c, plain);
        }
        for (Path whole : List.of(backup, plain)) {
            byte[] bytes = Files.readAllBytes(whole);
            for (int keep : new int[] {bytes.length * 2 / 3, bytes.length - 3}) {
                Path cut = dir.resolve("cut-" + keep + "-" + whole.getFileName());
                Files.write(cut, Arrays.copyOf(bytes, keep));
                try (Connection c = connect(targetServer, "truncated")) {
                    BackupException e = assertThrows(BackupException.class, () -> new Restore().restore(c, cut));
                    assertTrue(e.getMessage().contains("is corrupt"), e.getMessage());
                    assertAllEmpty(c);
                }
            }
        }
    }

    @Test
    void aCorruptedByteFailsItsTablesChecksumAndNothingIsRestored() throws Exception {
        createDatabase(targetServer, "corrupted");
        Path plain = dir.resolve("plain.backup");
        try (Connection c = connect(sourceServer, "quiet")) {
            new Backup().compressed(false).write(c, plain);
        }
        byte[] bytes = Files.readAllBytes(plain);
        // A hex digit of a bytea value past the middle becomes another hex digit: still valid COPY input, so only
        // the checksum can tell.
        int at = indexOf(bytes, "\\\\x".getBytes(StandardCharsets.US_ASCII), bytes.length / 2) + 6;
        bytes[at] = (byte) (bytes[at] == 'a' ? 'b' : 'a');
        Path bad = dir.resolve("flipped.backup");
        Files.write(bad, bytes);
        try (Connection c = connect(targetServer, "corrupted")) {
            BackupException e = assertThrows(BackupException.class, () -> new Restore().restore(c, bad));
            assertTrue(e.getMessage().contains("does not match its checksum")
                    && e.getMessage().contains("public.event_journal"), e.getMessage());
            assertAllEmpty(c);
        }

        byte[] gz = Files.readAllBytes(backup);
        gz[gz.length / 2] ^= 0x5a;
        Path badGz = dir.resolve("flipped-gz.backup");
        Files.write(badGz, gz);
        try (Connection c = connect(targetServer, "corrupted")) {
            BackupException e = assertThrows(BackupException.class, () -> new Restore().restore(c, badGz));
            assertTrue(e.getMessage().contains("is corrupt"), e.getMessage());
            assertAllEmpty(c);
        }
    }

    @Test
    void anUncompressedBackupRestoresLikeACompressedOne() throws Exception {
        createDatabase(targetServer, "uncompressed");
        Path plain = dir.resolve("plain-roundtrip.backup");
        BackupManifest m;
        try (Connection c = connect(sourceServer, "quiet")) {
            m = new Backup().compressed(false).write(c, plain);
        }
        assertTrue(Files.size(plain) > Files.size(backup));
        assertNotEquals(0, m.totalRows());
        try (Connection c = connect(targetServer, "uncompressed")) {
            new Restore().restore(c, plain);
        }
        List<String> tables = m.tables().stream().map(BackupManifest.Table::qualifiedName).toList();
        assertEquals(contents(sourceServer, "quiet", tables), contents(targetServer, "uncompressed", tables));
    }

    @Test
    void aDatabaseWithoutFlywayHistoryIsNotBackedUpAndLeavesNoFile() throws Exception {
        try (Connection c = DriverManager.getConnection(sourceServer.jdbcUrl(), sourceServer.user(),
                sourceServer.password()); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE bare");
        }
        Path out = dir.resolve("bare.backup");
        try (Connection c = connect(sourceServer, "bare")) {
            BackupException e = assertThrows(BackupException.class, () -> new Backup().write(c, out));
            assertTrue(e.getMessage().contains("no Flyway schema history"), e.getMessage());
        }
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("bare.backup.part")));
    }

    @Test
    void aBackupOfAnOlderSchemaRestoresIntoAFreshDatabaseMigratedToItsVersionThenMigratesOn() throws Exception {
        try (Connection c = DriverManager.getConnection(sourceServer.jdbcUrl(), sourceServer.user(),
                sourceServer.password()); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE old_schema");
        }
        Flyway.configure().dataSource(url(sourceServer, "old_schema"), sourceServer.user(), sourceServer.password())
                .locations("classpath:db/migration").target("2").load().migrate();
        try (Connection c = connect(sourceServer, "old_schema"); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO inbox_claims (path, log_bundle_id) VALUES ('/inbox/old.tgz', 'b-old')");
        }
        Path old = dir.resolve("old-schema.backup");
        try (Connection c = connect(sourceServer, "old_schema")) {
            new Backup().write(c, old);
        }
        assertEquals("2", Restore.header(old).schemaVersion());
        try (Connection c = DriverManager.getConnection(targetServer.jdbcUrl(), targetServer.user(),
                targetServer.password()); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE upgraded");
        }
        DatabaseSettings upgraded = DatabaseSettings.external(url(targetServer, "upgraded"), targetServer.user(),
                targetServer.password());
        try (Database d = Database.start(upgraded, "backup-test", "2"); Connection c = d.dataSource().getConnection()) {
            new Restore().restore(c, old);
        }
        try (Database d = Database.start(upgraded, "backup-test"); Connection c = d.dataSource().getConnection()) {
            assertEquals(-1, single(c, "SELECT size FROM inbox_claims WHERE path = '/inbox/old.tgz'"),
                    "V3 ran over the restored rows");
        }
        // What `admin restore` does with a database already past the backup's version: never a downgrade.
        try (Database d = Database.start(upgraded, "backup-test", "2"); Connection c = d.dataSource().getConnection()) {
            BackupException e = assertThrows(BackupException.class, () -> new Restore().force(true).restore(c, old));
            assertTrue(e.getMessage().contains("at version " + ShippedMigrations.latest()), e.getMessage());
        }
    }

    // ---- fixtures

    private static void createDatabase(Database server, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        Flyway.configure().dataSource(url(server, name), server.user(), server.password())
                .locations("classpath:db/migration", "classpath:db/backuptest").load().migrate();
    }

    /** Rows in every table, with the values COPY's text format must carry exactly. */
    private static void populate(Database server, String db, int journalRows) throws SQLException {
        Random random = new Random(42);
        try (Connection c = connect(server, db)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO log_bundles (log_bundle_id, log_bundle_path, status, hosting_worker_vm_ip, bundle_size,
                        is_analyzed, log_type, submitted_at, start_time, error_msg, records, warnings, summary)
                    VALUES (?, ?, ?, ?, ?, ?, ?, now() - (? || ' minutes')::interval, now(), ?, ?, ?::jsonb, ?::jsonb)""")) {
                for (int i = 0; i < 20; i++) {
                    ps.setString(1, "b" + i);
                    ps.setString(2, "/bundles/odd name\t" + i + "\\back\nslash ünïcødé.tgz");
                    ps.setString(3, i % 3 == 0 ? "completed" : "failed");
                    ps.setString(4, i % 2 == 0 ? "127.0.0.1:8080" : null);
                    ps.setLong(5, 1L << (i + 20));
                    ps.setBoolean(6, i % 3 == 0);
                    ps.setString(7, null);
                    ps.setString(8, Integer.toString(i));
                    ps.setString(9, i % 3 == 0 ? null : "it broke: \"quotes\" and \\N literally");
                    ps.setLong(10, i * 1000L);
                    ps.setString(11, "[\"warning " + i + "\"]");
                    ps.setString(12, i % 3 == 0 ? "{\"by_level\": {\"INFO\": " + i + "}}" : null);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO event_journal (persistence_id, sequence_number, writer, write_timestamp,
                        event_ser_id, event_ser_manifest, event_payload, meta_payload)
                    VALUES (?, ?, 'writer-uuid', ?, 33, 'BundleEvent$ChunksIndexed', ?, ?)""")) {
                for (int i = 0; i < journalRows; i++) {
                    byte[] payload = new byte[200 + random.nextInt(1800)];
                    random.nextBytes(payload);
                    payload[0] = 0; // a NUL byte in bytea
                    ps.setString(1, "Bundle|b" + (i % 20));
                    ps.setLong(2, i / 20 + 1);
                    ps.setLong(3, 1_700_000_000_000L + i);
                    ps.setBytes(4, payload);
                    ps.setBytes(5, i % 7 == 0 ? new byte[] {1, 2, 3} : null);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (Statement st = c.createStatement()) {
                // Gaps in ordering, as deleted or rolled-back journal writes leave them.
                st.executeUpdate("DELETE FROM event_journal WHERE ordering % 10 = 5 AND persistence_id <> 'Bundle|live'");
                st.executeUpdate("INSERT INTO event_tag (event_id, tag) SELECT ordering, 'bundle' FROM event_journal "
                        + "WHERE ordering % 3 = 0");
                st.executeUpdate("INSERT INTO snapshot (persistence_id, sequence_number, created, snapshot_ser_id, "
                        + "snapshot_ser_manifest, snapshot_payload) SELECT 'Bundle|b' || g, g, 1700000000000, 33, "
                        + "'S', decode(repeat('ff00', g), 'hex') FROM generate_series(1, 50) g");
                st.executeUpdate("INSERT INTO inbox_claims (path, size, mtime, log_bundle_id, claimed_at) "
                        + "SELECT '/inbox/f' || g, g, now(), 'b' || (g % 20), now() FROM generate_series(1, 30) g");
                st.executeUpdate("INSERT INTO xrules (name, pattern, weights, valid_during) SELECT 'rule ' || g, "
                        + "'^ERROR .* ' || g || '$', ARRAY[g / 3.0, 1e-300, 'NaN'::float8], "
                        + "tstzrange(now(), now() + interval '1 day') FROM generate_series(1, 40) g");
                st.executeUpdate("DELETE FROM xrules WHERE rule_id % 4 = 0"); // identity gaps
                st.executeUpdate("INSERT INTO xrule_hits SELECT r.rule_id, b.log_bundle_id, r.rule_id * 7 "
                        + "FROM xrules r CROSS JOIN log_bundles b WHERE r.rule_id % 5 = 1");
                st.execute("SELECT nextval('report_numbers')"); // 1000; the next one is 1001
            }
            c.commit();
        }
    }

    /** Per table: row count and an md5 of its rows as text in a fixed order. */
    private static Map<String, String> contents(Database server, String db, List<String> tables) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        try (Connection c = connect(server, db); Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) || ':' || md5(coalesce(string_agg(x, E'\\n' "
                        + "ORDER BY x), '')) FROM (SELECT t::text AS x FROM " + t + " t) s")) {
                    rs.next();
                    result.put(t, rs.getString(1));
                }
            }
        }
        return result;
    }

    private static void assertAllEmpty(Connection c) throws SQLException {
        for (BackupManifest.Table t : backupManifest.tables()) {
            assertEquals(0, single(c, "SELECT count(*) FROM " + t.qualifiedName()), t.qualifiedName());
        }
    }

    private static void awaitCommitsBeyond(AtomicLong committed, long seen, AtomicReference<Throwable> failure) {
        synchronized (committed) {
            while (committed.get() <= seen && failure.get() == null) {
                try {
                    committed.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("writer failed", failure.get());
        }
    }

    private static long rowsOf(BackupManifest m, String table) {
        return m.tables().stream().filter(t -> t.qualifiedName().equals(table)).findFirst().orElseThrow().rows();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }

    private static String url(Database server, String db) {
        return server.jdbcUrl().replaceAll("/[^/]*$", "/" + db);
    }

    private static Connection connect(Database server, String db) throws SQLException {
        return DriverManager.getConnection(url(server, db), server.user(), server.password());
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String string(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
