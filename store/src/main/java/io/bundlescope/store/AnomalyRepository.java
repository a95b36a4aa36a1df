package io.bundlescope.store;

import static io.bundlescope.store.Jdbc.instant;
import static io.bundlescope.store.Jdbc.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The {@code bundle_anomalies} and {@code bundle_anomaly_scans} tables: the anomaly scores of each
 * bundle per (template, node), replaced as a whole by each scan. Template ids are those of the
 * node that scored ({@code scored_on}), so every read names the node asking and sees nothing
 * scored elsewhere.
 */
public final class AnomalyRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<AnomalyRow.Reason>> REASONS = new TypeReference<>() { };
    private static final String SCORED_HERE = """
            SELECT a.* FROM bundle_anomalies a
              JOIN bundle_anomaly_scans s ON s.log_bundle_id = a.log_bundle_id AND s.scored_on = ?
             WHERE a.log_bundle_id = ?""";
    private static final String ORDER = " ORDER BY a.score DESC, a.record_count, a.template_id, a.node";

    private final Jdbc jdbc;

    public AnomalyRepository(DataSource ds) {
        this.jdbc = new Jdbc(ds);
    }

    /** Replaces the bundle's scores with these, scored on {@code scoredOn} at {@code at}. */
    public void replace(String bundleId, String scoredOn, Instant at, List<AnomalyRow> rows) {
        jdbc.inTransaction("storing the anomaly scores of " + bundleId, c -> {
            Jdbc.execute(c, "DELETE FROM bundle_anomalies WHERE log_bundle_id = ?", bundleId);
            for (AnomalyRow r : rows) {
                Jdbc.execute(c, """
                        INSERT INTO bundle_anomalies (log_bundle_id, template_id, node, score, record_count, error_count, reasons)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)""",
                        bundleId, r.templateId(), r.node() == null ? "" : r.node(), r.score(), r.recordCount(),
                        r.errorCount(), json(r.reasons()));
            }
            return Jdbc.execute(c, """
                    INSERT INTO bundle_anomaly_scans (log_bundle_id, scanned_at, scored_on, pairs) VALUES (?, ?, ?, ?)
                    ON CONFLICT (log_bundle_id) DO UPDATE SET scanned_at = excluded.scanned_at,
                        scored_on = excluded.scored_on, pairs = excluded.pairs""",
                    bundleId, ts(at), scoredOn, rows.size());
        });
    }

    /** The bundle's pairs scored on {@code host} at or above {@code minScore}, highest first. */
    public List<AnomalyRow> atLeast(String bundleId, String host, double minScore, int limit) {
        return jdbc.query(SCORED_HERE + " AND a.score >= ?" + ORDER + " LIMIT ?", AnomalyRepository::row,
                host, bundleId, minScore, limit);
    }

    /** The bundle's pairs scored on {@code host} of these templates (to annotate records). */
    public List<AnomalyRow> ofTemplates(String bundleId, String host, Collection<Long> templateIds) {
        if (templateIds.isEmpty()) return List.of();
        String ids = templateIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        return jdbc.query(SCORED_HERE + " AND a.template_id = ANY(?::bigint[])" + ORDER, AnomalyRepository::row,
                host, bundleId, ids);
    }

    public Optional<AnomalyScanRow> lastScan(String bundleId) {
        return jdbc.query("SELECT * FROM bundle_anomaly_scans WHERE log_bundle_id = ?",
                rs -> new AnomalyScanRow(rs.getString("log_bundle_id"), instant(rs, "scanned_at"),
                        rs.getString("scored_on"), rs.getInt("pairs")), bundleId).stream().findFirst();
    }

    /** Analyzed bundles hosted by {@code host} that it has not scored (never, or scored elsewhere before). */
    public List<String> analyzedWithoutScan(String host) {
        return jdbc.query("""
                SELECT b.log_bundle_id FROM log_bundles b
                  LEFT JOIN bundle_anomaly_scans s ON s.log_bundle_id = b.log_bundle_id
                 WHERE b.status = 'completed' AND b.hosting_worker_vm_ip = ? AND (s.scored_on IS NULL OR s.scored_on <> ?)
                 ORDER BY b.submitted_at""", rs -> rs.getString(1), host, host);
    }

    private static AnomalyRow row(ResultSet rs) throws SQLException {
        String node = rs.getString("node");
        try {
            return new AnomalyRow(rs.getString("log_bundle_id"), rs.getLong("template_id"), node.isEmpty() ? null : node,
                    rs.getDouble("score"), rs.getLong("record_count"), rs.getLong("error_count"),
                    JSON.readValue(rs.getString("reasons"), REASONS));
        } catch (JsonProcessingException e) {
            throw new StoreException("reasons column is not a JSON array of reasons", e);
        }
    }

    private static String json(List<AnomalyRow.Reason> reasons) {
        try {
            return JSON.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
