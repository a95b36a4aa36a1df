package io.bundlescope.store;

import io.bundlescope.store.BackupFormat.TableEnd;
import io.bundlescope.store.BackupFormat.TableStart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes one consistent snapshot of the database into one file (see {@link BackupFormat}): every table the catalog
 * lists (see {@link SchemaCatalog}), streamed with {@code COPY (SELECT ...) TO STDOUT} inside one
 * {@code REPEATABLE READ READ ONLY} transaction, so nodes may keep writing while it runs and the file holds
 * exactly what had committed when the transaction took its snapshot: no table sees a later commit than another.
 * Memory stays bounded (one frame buffer); the file appears under its name only when complete.
 */
public final class Backup {
    private final boolean gzip;
    private final Consumer<BackupManifest.Table> onTable;

    public Backup() {
        this(true, t -> { });
    }

    private Backup(boolean gzip, Consumer<BackupManifest.Table> onTable) {
        this.gzip = gzip;
        this.onTable = onTable;
    }

    /** Whether the file is gzip'd (default yes); {@link Restore} reads both. */
    public Backup compressed(boolean compressed) {
        return new Backup(compressed, onTable);
    }

    /** Called after each table is written, inside the snapshot's transaction (for progress output). */
    public Backup onTable(Consumer<BackupManifest.Table> listener) {
        return new Backup(gzip, Objects.requireNonNull(listener));
    }

    /**
     * Writes the backup to {@code out} (through {@code out.part}, renamed when complete) and returns its manifest.
     *
     * @param c a PostgreSQL connection; its auto-commit setting is restored afterwards
     * @throws BackupException if the database has no Flyway history or the file cannot be written
     * @throws StoreException on a database error
     */
    public BackupManifest write(Connection c, Path out) {
        Path part = out.resolveSibling(out.getFileName() + ".part");
        try {
            BackupManifest manifest;
            try (OutputStream os = Files.newOutputStream(part)) {
                manifest = write(c, os);
            }
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException e) {
            deleteQuietly(part);
            throw new BackupException("writing backup " + out + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
    }

    /** Writes the backup to a stream, which it closes. */
    public BackupManifest write(Connection c, OutputStream os) throws IOException {
        try {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                BackupManifest manifest = writeInTransaction(c, os);
                c.commit();
                return manifest;
            } finally {
                if (!c.isClosed()) {
                    c.rollback();
                    c.setAutoCommit(autoCommit);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("backup failed: " + e.getMessage(), e);
        }
    }

    private BackupManifest writeInTransaction(Connection c, OutputStream os) throws SQLException, IOException {
        try (Statement st = c.createStatement()) {
            st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
        SchemaCatalog.fixTextFormat(c);
        String createdAt;
        String postgresVersion;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), "
                     + "current_setting('server_version')")) {
            rs.next();
            createdAt = rs.getString(1);
            postgresVersion = rs.getString(2);
        }
        String schemaVersion = SchemaCatalog.schemaVersion(c).orElseThrow(() -> new BackupException(
                "the database has no Flyway schema history: it is not a Bundlescope database (or was never migrated)"));
        List<SchemaCatalog.TableDef> defs = SchemaCatalog.tables(c);
        List<BackupManifest.Table> declared = defs.stream()
                .map(t -> new BackupManifest.Table(t.schema(), t.name(), t.columns(), -1, -1, null)).toList();
        BackupManifest header = new BackupManifest(BackupFormat.VERSION, version(), createdAt, schemaVersion,
                postgresVersion, "text", declared, List.of(), null);

        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        List<BackupManifest.Table> written = new ArrayList<>();
        try (BackupFormat.Writer w = new BackupFormat.Writer(os, gzip)) {
            byte[] headerBytes = w.json(BackupFormat.HEADER, header);
            for (SchemaCatalog.TableDef t : defs) {
                w.json(BackupFormat.TABLE, new TableStart(t.schema(), t.name()));
                DataFrames data = new DataFrames(w);
                String sql = "COPY (SELECT " + t.sqlColumns() + " FROM " + (t.partitioned() ? "" : "ONLY ")
                        + t.sqlName() + ") TO STDOUT";
                long rows = copy.copyOut(sql, data);
                data.flush();
                TableEnd end = new TableEnd(rows, data.bytes, BackupFormat.hex(data.digest.digest()));
                w.json(BackupFormat.TABLE_END, end);
                BackupManifest.Table done = new BackupManifest.Table(t.schema(), t.name(), t.columns(), end.rows(),
                        end.bytes(), end.sha256());
                written.add(done);
                onTable.accept(done);
            }
            BackupManifest manifest = new BackupManifest(header.format(), header.bundlescopeVersion(), createdAt,
                    schemaVersion, postgresVersion, header.copyFormat(), written, SchemaCatalog.sequences(c),
                    BackupFormat.hex(BackupFormat.sha256().digest(headerBytes)));
            w.json(BackupFormat.MANIFEST, manifest);
            w.frame(BackupFormat.END, new byte[0], 0, 0);
            return manifest;
        }
    }

    /** The version of this Bundlescope (from the store jar's resources), or "dev". */
    public static String version() {
        try (InputStream in = Backup.class.getResourceAsStream("bundlescope-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the failure being reported matters more
        }
    }

    /** COPY's output cut into data frames of at most {@link BackupFormat#MAX_DATA_FRAME}, hashed as it passes. */
    private static final class DataFrames extends OutputStream {
        private final BackupFormat.Writer w;
        private final byte[] buf = new byte[BackupFormat.MAX_DATA_FRAME];
        private final MessageDigest digest = BackupFormat.sha256();
        private int used;
        private long bytes;

        DataFrames(BackupFormat.Writer w) {
            this.w = w;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            digest.update(b, off, len);
            bytes += len;
            while (len > 0) {
                int n = Math.min(len, buf.length - used);
                System.arraycopy(b, off, buf, used, n);
                used += n;
                off += n;
                len -= n;
                if (used == buf.length) {
                    flush();
                }
            }
        }

        @Override
        public void flush() throws IOException {
            if (used > 0) {
                w.frame(BackupFormat.DATA, buf, 0, used);
                used = 0;
            }
        }
    }
}
