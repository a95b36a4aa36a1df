package io.bundlescope.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a backup covers, read from PostgreSQL's catalog rather than listed in code, so a table added by a new
 * migration is backed up without touching this class: every ordinary or partitioned table (not a partition, not
 * an extension's) of every non-system schema, except Flyway's own history, whose version is recorded instead.
 */
final class SchemaCatalog {
    static final String FLYWAY_HISTORY = "flyway_schema_history";

    private SchemaCatalog() {
    }

    /** A table: its oid, its columns in order (generated ones left out: COPY cannot load them). */
    record TableDef(long oid, String schema, String name, boolean partitioned, List<String> columns) {
        String qualifiedName() {
            return schema + "." + name;
        }

        String sqlName() {
            return quote(schema) + "." + quote(name);
        }

        String sqlColumns() {
            return String.join(", ", columns.stream().map(SchemaCatalog::quote).toList());
        }
    }

    /** The tables, each after the tables it references (foreign keys), else by name. */
    static List<TableDef> tables(Connection c) throws SQLException {
        Map<Long, TableDef> byOid = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT c.oid, n.nspname, c.relname, c.relkind = 'p' AS partitioned
                       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
                        AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
                        AND c.relname <> 'flyway_schema_history'
                        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                         WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                           AND d.deptype = 'e')
                      ORDER BY n.nspname, c.relname""")) {
            while (rs.next()) {
                long oid = rs.getLong(1);
                byOid.put(oid, new TableDef(oid, rs.getString(2), rs.getString(3), rs.getBoolean(4), columns(c, oid)));
            }
        }
        Map<Long, Set<Long>> parents = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT conrelid, confrelid FROM pg_constraint WHERE contype = 'f' AND conrelid <> confrelid")) {
            while (rs.next()) {
                parents.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
            }
        }
        // Kahn's algorithm over the name order; a cycle (rare) leaves its tables in name order.
        List<TableDef> ordered = new ArrayList<>();
        Set<Long> placed = new HashSet<>();
        while (ordered.size() < byOid.size()) {
            boolean progress = false;
            for (TableDef t : byOid.values()) {
                if (!placed.contains(t.oid()) && parents.getOrDefault(t.oid(), Set.of()).stream()
                        .allMatch(p -> placed.contains(p) || !byOid.containsKey(p))) {
                    ordered.add(t);
                    placed.add(t.oid());
                    progress = true;
                }
            }
            if (!progress) {
                byOid.values().stream().filter(t -> !placed.contains(t.oid())).forEach(ordered::add);
                break;
            }
        }
        return ordered;
    }

    private static List<String> columns(Connection c, long oid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT attname FROM pg_attribute
                 WHERE attrelid = ? AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
                 ORDER BY attnum""")) {
            ps.setLong(1, oid);
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            return columns;
        }
    }

    /** Every sequence of the same schemas with its current value and, if a column owns it, that column. */
    static List<BackupManifest.Sequence> sequences(Connection c) throws SQLException {
        List<BackupManifest.Sequence> sequences = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT s.schemaname, s.sequencename, coalesce(s.last_value, q.seqstart), s.last_value IS NOT NULL,
                            tn.nspname, t.relname, a.attname
                       FROM pg_sequences s
                       JOIN pg_namespace n ON n.nspname = s.schemaname
                       JOIN pg_class sc ON sc.relname = s.sequencename AND sc.relnamespace = n.oid
                       JOIN pg_sequence q ON q.seqrelid = sc.oid
                       LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = sc.oid
                                            AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
                       LEFT JOIN pg_class t ON t.oid = d.refobjid
                       LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace
                       LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                      WHERE s.schemaname <> 'information_schema' AND s.schemaname NOT LIKE 'pg\\_%'
                      ORDER BY 1, 2""")) {
            while (rs.next()) {
                sequences.add(new BackupManifest.Sequence(rs.getString(1), rs.getString(2), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getLong(3), rs.getBoolean(4)));
            }
        }
        return sequences;
    }

    /**
     * The Flyway schema version: the version of the last successful versioned migration, or empty when the
     * database has no Flyway history (never migrated).
     */
    static Optional<String> schemaVersion(Connection c) throws SQLException {
        String history;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) "
                     + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                     + "WHERE c.relname = '" + FLYWAY_HISTORY + "' AND c.relkind = 'r' "
                     + "ORDER BY n.nspname = current_schema() DESC LIMIT 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            history = rs.getString(1);
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM " + history
                     + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    /** A double-quoted SQL identifier. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** A single-quoted SQL literal. */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * Session settings that fix how COPY's text format spells values, so a backup restores into a session with
     * other defaults; {@code SET LOCAL}: they end with the transaction.
     */
    static void fixTextFormat(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL DateStyle = 'ISO, MDY'");
            st.execute("SET LOCAL IntervalStyle = 'postgres'");
            st.execute("SET LOCAL TimeZone = 'UTC'");
            st.execute("SET LOCAL extra_float_digits = 3");
            st.execute("SET LOCAL bytea_output = 'hex'");
        }
    }
}
