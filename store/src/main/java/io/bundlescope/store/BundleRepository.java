package io.bundlescope.store;

import static io.bundlescope.store.Jdbc.instant;
import static io.bundlescope.store.Jdbc.prepare;
import static io.bundlescope.store.Jdbc.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code log_bundles} and {@code inbox_claims} tables, one short SQL statement per method.
 * Updates of an unknown bundle id throw {@link NoSuchElementException}; SQL failures throw {@link StoreException}.
 */
public final class BundleRepository {
    /** {@link #addWarnings} keeps the first this many warnings of a bundle and drops later ones. */
    public static final int MAX_WARNINGS = 1000;

    private static final String COLUMNS = """
            log_bundle_id, log_bundle_path, status, hosting_worker_vm_ip, bundle_size, bundle_type, is_analyzed,
            remote_log_bundle_path, log_type, submitted_at, start_time, end_time, error_msg, files_total, files_done,
            bytes_total, bytes_done, records, warnings::text AS warnings, summary::text AS summary,
            ingest_policy::text AS ingest_policy, records_counted, records_dropped""";

    private final DataSource ds;
    private final Jdbc jdbc;

    public BundleRepository(DataSource ds) {
        this.ds = Objects.requireNonNull(ds, "ds");
        this.jdbc = new Jdbc(ds);
    }

    /** Inserts a {@code queued} bundle and returns the stored row. */
    public BundleRow insert(NewBundle b) {
        return query("""
                INSERT INTO log_bundles (log_bundle_id, log_bundle_path, bundle_size, log_type, hosting_worker_vm_ip,
                                         remote_log_bundle_path, submitted_at, status, ingest_policy)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?::jsonb)
                RETURNING\s""" + COLUMNS,
                b.id(), b.path(), b.size(), b.logType(), b.hostIp(), b.remotePath(), ts(b.submittedAt()),
                b.ingestPolicyJson()).get(0);
    }

    public Optional<BundleRow> findById(String id) {
        return query("SELECT " + COLUMNS + " FROM log_bundles WHERE log_bundle_id = ?", id).stream().findFirst();
    }

    /** The most recently submitted bundle with exactly this path. */
    public Optional<BundleRow> findLatestByPath(String path) {
        return query("SELECT " + COLUMNS + """
                 FROM log_bundles WHERE log_bundle_path = ?
                ORDER BY submitted_at DESC, log_bundle_id DESC LIMIT 1""", path).stream().findFirst();
    }

    /**
     * Bundles newest first, optionally of one log type (the submitter's label, else the detected
     * bundle type) and/or whose path contains a substring (case-sensitive).
     */
    public List<BundleRow> list(String logType, String pathContains) {
        return query("SELECT " + COLUMNS + """
                 FROM log_bundles
                WHERE (?::text IS NULL OR coalesce(log_type, bundle_type) = ?)
                  AND (?::text IS NULL OR strpos(log_bundle_path, ?) > 0)
                ORDER BY submitted_at DESC, log_bundle_id DESC""", logType, logType, pathContains, pathContains);
    }

    public void markStarted(String id, Instant at, String hostIp) {
        update(id, "UPDATE log_bundles SET status = 'inprogress', start_time = ?, hosting_worker_vm_ip = ? "
                + "WHERE log_bundle_id = ?", ts(at), hostIp, id);
    }

    /** The bundle's ingest policy (JSON), as its journal records it. */
    public void recordPolicy(String id, String policyJson) {
        update(id, "UPDATE log_bundles SET ingest_policy = ?::jsonb WHERE log_bundle_id = ?", policyJson, id);
    }

    public void recordPlan(String id, String bundleType, long filesTotal, long bytesTotal) {
        update(id, "UPDATE log_bundles SET bundle_type = ?, files_total = ?, bytes_total = ? WHERE log_bundle_id = ?",
                bundleType, filesTotal, bytesTotal, id);
    }

    public void updateProgress(String id, long filesDone, long bytesDone, long records) {
        updateProgress(id, filesDone, bytesDone, records, 0, 0);
    }

    /** Progress with the records indexed, counted and dropped by the bundle's ingest policy. */
    public void updateProgress(String id, long filesDone, long bytesDone, long records, long counted, long dropped) {
        update(id, "UPDATE log_bundles SET files_done = ?, bytes_done = ?, records = ?, records_counted = ?, "
                + "records_dropped = ? WHERE log_bundle_id = ?", filesDone, bytesDone, records, counted, dropped, id);
    }

    /** Appends warnings in order until the bundle holds {@link #MAX_WARNINGS}; the rest are dropped. */
    public void addWarnings(String id, List<String> warnings) {
        update(id, """
                UPDATE log_bundles b
                   SET warnings = b.warnings || coalesce((
                         SELECT jsonb_agg(t.w ORDER BY t.i)
                           FROM jsonb_array_elements(?::jsonb) WITH ORDINALITY AS t(w, i)
                          WHERE t.i <= ? - jsonb_array_length(b.warnings)), '[]'::jsonb)
                 WHERE log_bundle_id = ?""", JsonColumns.toJson(warnings), MAX_WARNINGS, id);
    }

    /** Status {@code completed}, analyzed, with the final record count and the summary JSON (may be null). */
    public void markCompleted(String id, Instant at, long records, String summaryJson) {
        update(id, """
                UPDATE log_bundles SET status = 'completed', is_analyzed = true, end_time = ?, records = ?,
                                       summary = ?::jsonb
                 WHERE log_bundle_id = ?""", ts(at), records, summaryJson, id);
    }

    public void markFailed(String id, Instant at, String errorMsg) {
        update(id, "UPDATE log_bundles SET status = 'failed', end_time = ?, error_msg = ? WHERE log_bundle_id = ?",
                ts(at), errorMsg, id);
    }

    public void setHost(String id, String hostIp) {
        update(id, "UPDATE log_bundles SET hosting_worker_vm_ip = ? WHERE log_bundle_id = ?", hostIp, id);
    }

    /**
     * Claims one version (path, size, modification time) of an inbox file for a bundle id; true
     * iff this call made the claim.
     */
    public boolean claimInbox(String path, long size, Instant mtime, String bundleId) {
        return jdbc.execute("""
                INSERT INTO inbox_claims (path, size, mtime, log_bundle_id, claimed_at) VALUES (?, ?, ?, ?, now())
                ON CONFLICT (path, size, mtime) DO NOTHING""", path, size, ts(mtime), bundleId) == 1;
    }

    /** The bundle id that claimed this version of an inbox file, if any. */
    public Optional<String> inboxClaim(String path, long size, Instant mtime) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = prepare(c,
                     "SELECT log_bundle_id FROM inbox_claims WHERE path = ? AND size = ? AND mtime = ?",
                     path, size, ts(mtime));
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("reading inbox claim of " + path, e);
        }
    }

    private List<BundleRow> query(String sql, Object... args) {
        return jdbc.query(sql, BundleRepository::row, args);
    }

    private void update(String id, String sql, Object... args) {
        if (jdbc.execute(sql, args) == 0) {
            throw new NoSuchElementException("no log bundle " + id);
        }
    }

    private static BundleRow row(ResultSet rs) throws SQLException {
        return new BundleRow(
                rs.getString("log_bundle_id"),
                rs.getString("log_bundle_path"),
                JobStatus.fromWire(rs.getString("status")),
                rs.getString("hosting_worker_vm_ip"),
                rs.getObject("bundle_size", Long.class),
                rs.getString("bundle_type"),
                rs.getBoolean("is_analyzed"),
                rs.getString("remote_log_bundle_path"),
                rs.getString("log_type"),
                instant(rs, "submitted_at"),
                instant(rs, "start_time"),
                instant(rs, "end_time"),
                rs.getString("error_msg"),
                rs.getLong("files_total"),
                rs.getLong("files_done"),
                rs.getLong("bytes_total"),
                rs.getLong("bytes_done"),
                rs.getLong("records"),
                JsonColumns.strings(rs.getString("warnings"), "warnings"),
                rs.getString("summary"),
                rs.getString("ingest_policy"),
                rs.getLong("records_counted"),
                rs.getLong("records_dropped"));
    }
}
