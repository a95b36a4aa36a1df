package io.bundlescope.store;

import io.bundlescope.store.BackupFormat.TableEnd;
import io.bundlescope.store.BackupFormat.TableStart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads a {@link Backup} file into a database in one transaction: the database must be at the backup's Flyway
 * schema version, have the same tables and columns, no Bundlescope node connected to it, and be empty unless
 * {@link #force forced} (then its tables are emptied first, in the same transaction). Every table is loaded with
 * {@code COPY ... FROM STDIN}; its row count and SHA-256 must match the file's, the manifest must match the header,
 * and the file must end with its end marker, else everything is rolled back. Sequences owned by a column
 * ({@code event_journal.ordering}...) continue past the column's maximum; other sequences get their backed-up value.
 */
public final class Restore {
    /** The {@code application_name} a node's connections carry; restore refuses while any is connected. */
    public static final String NODE_APPLICATION_NAME = "bundlescope-node";

    private final boolean force;
    private final Consumer<BackupManifest.Table> onTable;

    public Restore() {
        this(false, t -> { });
    }

    private Restore(boolean force, Consumer<BackupManifest.Table> onTable) {
        this.force = force;
        this.onTable = onTable;
    }

    /** Replace the contents of a non-empty database (default: refuse). */
    public Restore force(boolean replace) {
        return new Restore(replace, onTable);
    }

    /** Called after each table is loaded and verified (for progress output). */
    public Restore onTable(Consumer<BackupManifest.Table> listener) {
        return new Restore(force, Objects.requireNonNull(listener));
    }

    /**
     * Restores {@code file} and returns its manifest.
     *
     * @throws BackupException for a missing, corrupt or truncated file, a refused target, or a table that does not
     *     load; the database is then as before
     */
    public BackupManifest restore(Connection c, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return restore(c, in, file.toString());
        } catch (NoSuchFileException e) {
            throw new BackupException("no backup file " + file);
        } catch (IOException e) {
            throw new BackupException("reading backup " + file + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The header of a backup file (tables, schema version, versions, no counts), read without a database: e.g. to
     * migrate a fresh database to the backup's schema version before restoring.
     */
    public static BackupManifest header(Path file) {
        try (InputStream in = Files.newInputStream(file);
             BackupFormat.Reader r = new BackupFormat.Reader(in, file.toString())) {
            r.expect(BackupFormat.HEADER);
            return r.json(BackupManifest.class);
        } catch (NoSuchFileException e) {
            throw new BackupException("no backup file " + file);
        } catch (IOException e) {
            throw new BackupException("reading backup " + file + " failed: " + e.getMessage(), e);
        }
    }

    /** Restores from a stream; {@code name} names it in errors. */
    public BackupManifest restore(Connection c, InputStream in, String name) throws IOException {
        try (BackupFormat.Reader r = new BackupFormat.Reader(in, name)) {
            r.expect(BackupFormat.HEADER);
            byte[] headerDigest = digestOf(r);
            BackupManifest header = r.json(BackupManifest.class);
            if (header.format() != BackupFormat.VERSION) {
                throw new BackupException("backup file " + name + " has format " + header.format()
                        + "; this Bundlescope reads format " + BackupFormat.VERSION);
            }
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                BackupManifest manifest = restoreInTransaction(c, r, header, headerDigest);
                c.commit();
                return manifest;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new BackupException("restore failed (nothing restored): " + e.getMessage(), e);
        }
    }

    private BackupManifest restoreInTransaction(Connection c, BackupFormat.Reader r, BackupManifest header,
            byte[] headerDigest) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL lock_timeout = '30s'");
        }
        SchemaCatalog.fixTextFormat(c);
        refuseWhileNodesAreConnected(c);
        String version = SchemaCatalog.schemaVersion(c).orElseThrow(() -> new BackupException(
                "the target database has no Flyway schema history: start a node on it once (it migrates it), "
                        + "or restore through `bundlescope admin restore`, which migrates it first"));
        if (!version.equals(header.schemaVersion())) {
            throw new BackupException("the backup is of schema version " + header.schemaVersion()
                    + " (Bundlescope " + header.bundlescopeVersion() + ") but the database is at version " + version
                    + ": restore it with a database migrated to version " + header.schemaVersion());
        }
        List<SchemaCatalog.TableDef> defs = SchemaCatalog.tables(c);
        checkSameTables(header, defs);
        String all = defs.stream().map(SchemaCatalog.TableDef::sqlName).collect(Collectors.joining(", "));
        if (!defs.isEmpty()) {
            try (Statement st = c.createStatement()) {
                st.execute("LOCK TABLE " + all + " IN EXCLUSIVE MODE"); // no writer slips in between check and load
            }
        }
        List<String> nonEmpty = new ArrayList<>();
        for (SchemaCatalog.TableDef t : defs) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM " + t.sqlName() + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    nonEmpty.add(t.qualifiedName());
                }
            }
        }
        if (!nonEmpty.isEmpty()) {
            if (!force) {
                throw new BackupException("the target database is not empty (rows in " + String.join(", ", nonEmpty)
                        + "): restore into a fresh database, or pass --force to replace its contents");
            }
            try (Statement st = c.createStatement()) {
                st.execute("TRUNCATE " + all);
            }
        }

        Map<String, SchemaCatalog.TableDef> byName = defs.stream()
                .collect(Collectors.toMap(SchemaCatalog.TableDef::qualifiedName, Function.identity()));
        List<TableEnd> ends = new ArrayList<>();
        for (BackupManifest.Table declared : header.tables()) {
            r.expect(BackupFormat.TABLE);
            TableStart start = r.json(TableStart.class);
            if (!start.schema().equals(declared.schema()) || !start.name().equals(declared.name())) {
                throw r.corrupt("table " + start.schema() + "." + start.name() + " where the header announces "
                        + declared.qualifiedName(), null);
            }
            TableEnd end = load(c, r, declared, byName.get(declared.qualifiedName()));
            ends.add(end);
            onTable.accept(new BackupManifest.Table(declared.schema(), declared.name(), declared.columns(),
                    end.rows(), end.bytes(), end.sha256()));
        }
        r.expect(BackupFormat.MANIFEST);
        BackupManifest manifest = r.json(BackupManifest.class);
        checkManifest(r, header, headerDigest, manifest, ends);
        r.expect(BackupFormat.END);
        r.expectEndOfFile();
        resetSequences(c, manifest.sequences());
        return manifest;
    }

    /** Streams one table's data frames into COPY FROM STDIN, checking count and checksum. */
    private static TableEnd load(Connection c, BackupFormat.Reader r, BackupManifest.Table declared,
            SchemaCatalog.TableDef target) throws SQLException {
        String columns = declared.columns().stream().map(SchemaCatalog::quote).collect(Collectors.joining(", "));
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + target.sqlName() + " (" + columns + ") FROM STDIN");
        MessageDigest digest = BackupFormat.sha256();
        long bytes = 0;
        SQLException copyFailure = null;
        try {
            while (true) {
                r.next();
                if (r.kind() == BackupFormat.TABLE_END) {
                    break;
                }
                if (r.kind() != BackupFormat.DATA) {
                    throw r.corrupt("table " + declared.qualifiedName() + " has no end", null);
                }
                digest.update(r.payload(), 0, r.length());
                bytes += r.length();
                if (copyFailure == null) {
                    try {
                        in.writeToCopy(r.payload(), 0, r.length());
                    } catch (SQLException e) {
                        copyFailure = e; // read on: a checksum mismatch explains it better than a parse error
                    }
                }
            }
            TableEnd end = r.json(TableEnd.class);
            String sha = BackupFormat.hex(digest.digest());
            if (!sha.equals(end.sha256()) || bytes != end.bytes()) {
                throw r.corrupt("the data of table " + declared.qualifiedName() + " does not match its checksum", null);
            }
            if (copyFailure != null) {
                throw copyFailure;
            }
            long rows = in.endCopy();
            if (rows != end.rows()) {
                throw r.corrupt("table " + declared.qualifiedName() + " loaded " + rows + " rows, the file says "
                        + end.rows(), null);
            }
            return end;
        } catch (SQLException e) {
            throw new BackupException("loading table " + declared.qualifiedName() + " failed (nothing restored): "
                    + e.getMessage(), e);
        } finally {
            if (in.isActive()) {
                try {
                    in.cancelCopy();
                } catch (SQLException ignored) {
                    // the transaction rolls back anyway
                }
            }
        }
    }

    private static void checkManifest(BackupFormat.Reader r, BackupManifest header, byte[] headerDigest,
            BackupManifest manifest, List<TableEnd> ends) {
        if (!BackupFormat.hex(headerDigest).equals(manifest.headerSha256())) {
            throw r.corrupt("its header does not match its checksum", null);
        }
        if (manifest.tables().size() != ends.size()) {
            throw r.corrupt("the manifest lists " + manifest.tables().size() + " tables, the file holds "
                    + ends.size(), null);
        }
        for (int i = 0; i < ends.size(); i++) {
            BackupManifest.Table m = manifest.tables().get(i);
            TableEnd e = ends.get(i);
            if (!m.qualifiedName().equals(header.tables().get(i).qualifiedName()) || m.rows() != e.rows()
                    || m.bytes() != e.bytes() || !Objects.equals(m.sha256(), e.sha256())) {
                throw r.corrupt("the manifest does not match the data of table " + m.qualifiedName(), null);
            }
        }
    }

    private static void checkSameTables(BackupManifest header, List<SchemaCatalog.TableDef> defs) {
        Map<String, List<String>> here = defs.stream()
                .collect(Collectors.toMap(SchemaCatalog.TableDef::qualifiedName, SchemaCatalog.TableDef::columns));
        Map<String, List<String>> there = header.tables().stream()
                .collect(Collectors.toMap(BackupManifest.Table::qualifiedName, BackupManifest.Table::columns));
        List<String> problems = new ArrayList<>();
        there.keySet().stream().filter(t -> !here.containsKey(t)).sorted()
                .forEach(t -> problems.add("table " + t + " is not in the database"));
        here.keySet().stream().filter(t -> !there.containsKey(t)).sorted()
                .forEach(t -> problems.add("table " + t + " is not in the backup"));
        there.keySet().stream().filter(here::containsKey).sorted()
                .filter(t -> !new HashSet<>(here.get(t)).equals(new HashSet<>(there.get(t))))
                .forEach(t -> problems.add("table " + t + " has columns " + here.get(t) + " here, "
                        + there.get(t) + " in the backup"));
        if (!problems.isEmpty()) {
            throw new BackupException("the database does not have the backup's tables although both are at schema "
                    + "version " + header.schemaVersion() + ": " + String.join("; ", problems));
        }
    }

    /**
     * Throws a {@link BackupException} when a connection named {@value #NODE_APPLICATION_NAME} (a running node's
     * pool) is open on this database.
     */
    public static void refuseWhileNodesAreConnected(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT count(*), string_agg(DISTINCT coalesce(host(client_addr), 'local socket'), ', ')
                       FROM pg_stat_activity
                      WHERE datname = current_database() AND pid <> pg_backend_pid()
                        AND application_name = '""" + NODE_APPLICATION_NAME + "'")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new BackupException(rs.getLong(1) + " connections of running Bundlescope nodes (from "
                        + rs.getString(2) + ") use this database: stop every node before restoring");
            }
        }
    }

    private static void resetSequences(Connection c, List<BackupManifest.Sequence> backedUp) throws SQLException {
        Map<String, BackupManifest.Sequence> saved = backedUp.stream()
                .collect(Collectors.toMap(s -> s.schema() + "." + s.name(), s -> s, (a, b) -> a));
        for (BackupManifest.Sequence s : SchemaCatalog.sequences(c)) {
            String seq = SchemaCatalog.literal(SchemaCatalog.quote(s.schema()) + "." + SchemaCatalog.quote(s.name()));
            String sql;
            if (s.ownedByTable() != null) {
                String table = SchemaCatalog.quote(s.ownedBySchema()) + "." + SchemaCatalog.quote(s.ownedByTable());
                String column = SchemaCatalog.quote(s.ownedByColumn());
                sql = "SELECT setval(" + seq + ", coalesce(m, q.seqstart), m IS NOT NULL) FROM (SELECT max(" + column
                        + ")::bigint AS m FROM " + table + ") x, pg_sequence q WHERE q.seqrelid = " + seq
                        + "::regclass";
            } else if (saved.containsKey(s.schema() + "." + s.name())) {
                BackupManifest.Sequence b = saved.get(s.schema() + "." + s.name());
                sql = "SELECT setval(" + seq + ", " + b.lastValue() + ", " + b.isCalled() + ")";
            } else {
                continue;
            }
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
        }
    }

    private static byte[] digestOf(BackupFormat.Reader r) {
        MessageDigest d = BackupFormat.sha256();
        d.update(r.payload(), 0, r.length());
        return d.digest();
    }
}
