package io.bundlescope.store;

import java.util.List;

/**
 * What a backup file holds, written as JSON (snake_case) twice in the file: the header before the data (tables
 * with their columns, no counts) and the manifest after it (the same plus row counts, bytes and SHA-256 per table,
 * the sequences and the header's own SHA-256).
 *
 * @param format version of the file format ({@link BackupFormat#VERSION})
 * @param bundlescopeVersion version of the Bundlescope that wrote it
 * @param createdAt ISO-8601 instant the snapshot was taken
 * @param schemaVersion the Flyway schema version of the database (last successful versioned migration)
 * @param postgresVersion {@code server_version} of the source
 * @param copyFormat the COPY format of the table data ({@code text})
 * @param tables every table, parents before the tables referencing them
 * @param sequences every sequence with its value when the snapshot was taken (manifest only)
 * @param headerSha256 SHA-256 of the header frame's bytes (manifest only)
 */
public record BackupManifest(
        int format,
        String bundlescopeVersion,
        String createdAt,
        String schemaVersion,
        String postgresVersion,
        String copyFormat,
        List<Table> tables,
        List<Sequence> sequences,
        String headerSha256) {

    /**
     * One table; {@code rows}, {@code bytes} (of COPY text) and {@code sha256} (of those bytes) are -1/null in the
     * header.
     */
    public record Table(String schema, String name, List<String> columns, long rows, long bytes, String sha256) {
        public String qualifiedName() {
            return schema + "." + name;
        }
    }

    /**
     * A sequence; one owned by a column (a {@code bigserial} or identity column: {@code ownedBy*} set) is reset
     * on restore past the column's maximum, any other to {@code lastValue}.
     */
    public record Sequence(String schema, String name, String ownedBySchema, String ownedByTable,
            String ownedByColumn, long lastValue, boolean isCalled) {
    }

    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}
