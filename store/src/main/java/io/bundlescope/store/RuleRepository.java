package io.bundlescope.store;

import static io.bundlescope.store.Jdbc.instant;
import static io.bundlescope.store.Jdbc.ts;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.IntFunction;
import javax.sql.DataSource;

/**
 * The {@code rules} and {@code rule_versions} tables. Definitions are opaque JSON here (the
 * analyzers own the format); the store owns versions: every change takes the next version
 * number and is recorded in the history in the same transaction.
 */
public final class RuleRepository {
    private static final String COLUMNS =
            "rule_id, version, definition::text AS definition, enabled, deleted, origin, updated_at";

    private final Jdbc jdbc;

    public RuleRepository(DataSource ds) {
        this.jdbc = new Jdbc(ds);
    }

    /** Every rule not deleted, by id. */
    public List<StoredRule> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM rules WHERE NOT deleted ORDER BY rule_id", RuleRepository::rule);
    }

    /** The enabled rules, by id: what checks run. */
    public List<StoredRule> listEnabled() {
        return jdbc.query("SELECT " + COLUMNS + " FROM rules WHERE NOT deleted AND enabled ORDER BY rule_id",
                RuleRepository::rule);
    }

    /** The rule, unless deleted. */
    public Optional<StoredRule> find(String ruleId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM rules WHERE rule_id = ? AND NOT deleted", RuleRepository::rule,
                ruleId).stream().findFirst();
    }

    /**
     * Creates or updates a rule at its next version.
     *
     * @param definitionAt the rule's JSON at a given version (the version is part of it)
     * @param expectedVersion the version the change was made on, or null to take whatever is current
     * @throws RuleVersionConflict when {@code expectedVersion} is not the current version
     */
    public StoredRule save(String ruleId, IntFunction<String> definitionAt, Integer expectedVersion, boolean enabled,
            String origin, String by) {
        return jdbc.inTransaction("saving rule " + ruleId, c -> {
            Optional<StoredRule> current = locked(c, ruleId);
            int live = current.filter(r -> !r.deleted()).map(StoredRule::version).orElse(0);
            if (expectedVersion != null && expectedVersion != live) {
                throw new RuleVersionConflict(ruleId, expectedVersion, live);
            }
            int next = current.map(StoredRule::version).orElse(0) + 1;
            String change = live == 0 ? "created" : "updated";
            return write(c, ruleId, next, definitionAt.apply(next), enabled, false, origin, change, by);
        });
    }

    /**
     * Deletes a rule (its history stays).
     *
     * @throws NoSuchElementException when there is no such rule
     * @throws RuleVersionConflict when {@code expectedVersion} is given and not current
     */
    public void delete(String ruleId, Integer expectedVersion, String by) {
        jdbc.inTransaction("deleting rule " + ruleId, c -> {
            StoredRule current = locked(c, ruleId).filter(r -> !r.deleted())
                    .orElseThrow(() -> new NoSuchElementException("no rule " + ruleId));
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw new RuleVersionConflict(ruleId, expectedVersion, current.version());
            }
            return write(c, ruleId, current.version() + 1, current.definitionJson(), current.enabled(), true,
                    current.origin(), "deleted", by);
        });
    }

    /**
     * Adds the rules that were never stored (a shipped library) at version 1; a rule that
     * exists, even deleted, is left as it is. Returns how many were added.
     *
     * @param firstVersions rule id -> its JSON at version 1
     */
    public int seed(Map<String, String> firstVersions, String origin) {
        return jdbc.inTransaction("seeding rules", c -> {
            int added = 0;
            for (Map.Entry<String, String> rule : firstVersions.entrySet()) {
                if (locked(c, rule.getKey()).isEmpty()) {
                    write(c, rule.getKey(), 1, rule.getValue(), true, false, origin, "created", origin);
                    added++;
                }
            }
            return added;
        });
    }

    /** Every saved version of a rule, oldest first (deleted rules included). */
    public List<RuleVersion> history(String ruleId) {
        return jdbc.query("""
                SELECT rule_id, version, definition::text AS definition, change, enabled, changed_at, changed_by
                  FROM rule_versions WHERE rule_id = ? ORDER BY version""",
                rs -> new RuleVersion(rs.getString("rule_id"), rs.getInt("version"), rs.getString("definition"),
                        rs.getString("change"), rs.getBoolean("enabled"), instant(rs, "changed_at"),
                        rs.getString("changed_by")), ruleId);
    }

    private static Optional<StoredRule> locked(Connection c, String ruleId) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM rules WHERE rule_id = ? FOR UPDATE", RuleRepository::rule,
                ruleId).stream().findFirst();
    }

    private static StoredRule write(Connection c, String ruleId, int version, String definition, boolean enabled,
            boolean deleted, String origin, String change, String by) throws SQLException {
        Instant now = Instant.now();
        Jdbc.execute(c, """
                INSERT INTO rules (rule_id, version, definition, enabled, deleted, origin, updated_at)
                VALUES (?, ?, ?::jsonb, ?, ?, ?, ?)
                ON CONFLICT (rule_id) DO UPDATE SET version = excluded.version, definition = excluded.definition,
                    enabled = excluded.enabled, deleted = excluded.deleted, origin = excluded.origin,
                    updated_at = excluded.updated_at""", ruleId, version, definition, enabled, deleted, origin, ts(now));
        Jdbc.execute(c, """
                INSERT INTO rule_versions (rule_id, version, definition, change, enabled, changed_at, changed_by)
                VALUES (?, ?, ?::jsonb, ?, ?, ?, ?)""", ruleId, version, definition, change, enabled, ts(now), by);
        return new StoredRule(ruleId, version, definition, enabled, deleted, origin, now);
    }

    private static StoredRule rule(ResultSet rs) throws SQLException {
        return new StoredRule(rs.getString("rule_id"), rs.getInt("version"), rs.getString("definition"),
                rs.getBoolean("enabled"), rs.getBoolean("deleted"), rs.getString("origin"), instant(rs, "updated_at"));
    }
}
