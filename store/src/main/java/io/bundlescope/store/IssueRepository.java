package io.bundlescope.store;

import static io.bundlescope.store.Jdbc.instant;
import static io.bundlescope.store.Jdbc.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code bundle_issues} and {@code bundle_rule_checks} tables: what the last rule check of
 * each bundle found. A check replaces the previous one as a whole, in one transaction.
 */
public final class IssueRepository {

    private final Jdbc jdbc;

    public IssueRepository(DataSource ds) {
        this.jdbc = new Jdbc(ds);
    }

    /** Replaces the bundle's issues and check with these. */
    public void replace(RuleCheckRow check, List<IssueRow> issues) {
        jdbc.inTransaction("storing the rule check of " + check.logBundleId(), c -> {
            Jdbc.execute(c, "DELETE FROM bundle_issues WHERE log_bundle_id = ?", check.logBundleId());
            for (IssueRow i : issues) {
                Jdbc.execute(c, """
                        INSERT INTO bundle_issues (log_bundle_id, rule_id, node, rule_version, title, severity, first_time,
                                                   last_time, match_count, peak, truncated, evidence)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""",
                        i.logBundleId(), i.ruleId(), i.node() == null ? "" : i.node(), i.ruleVersion(), i.title(),
                        i.severity(), ts(i.firstTime()), ts(i.lastTime()), i.matchCount(), i.peak(), i.truncated(),
                        JsonColumns.toJson(i.evidence()));
            }
            return Jdbc.execute(c, """
                    INSERT INTO bundle_rule_checks (log_bundle_id, checked_at, rules_checked, skipped, final)
                    VALUES (?, ?, ?, ?::jsonb, ?)
                    ON CONFLICT (log_bundle_id) DO UPDATE SET checked_at = excluded.checked_at,
                        rules_checked = excluded.rules_checked, skipped = excluded.skipped, final = excluded.final""",
                    check.logBundleId(), ts(check.checkedAt()), check.rulesChecked(), check.skippedJson(),
                    check.isFinal());
        });
    }

    /** The bundle's issues, most severe first, then by first occurrence. */
    public List<IssueRow> issues(String bundleId) {
        return jdbc.query("""
                SELECT * FROM bundle_issues WHERE log_bundle_id = ?
                 ORDER BY array_position(ARRAY['critical', 'major', 'minor', 'info'], severity), first_time, rule_id, node""",
                IssueRepository::issue, bundleId);
    }

    public Optional<RuleCheckRow> lastCheck(String bundleId) {
        return jdbc.query("""
                SELECT log_bundle_id, checked_at, rules_checked, skipped::text AS skipped, final
                  FROM bundle_rule_checks WHERE log_bundle_id = ?""",
                rs -> new RuleCheckRow(rs.getString("log_bundle_id"), instant(rs, "checked_at"), rs.getInt("rules_checked"),
                        rs.getString("skipped"), rs.getBoolean("final")), bundleId).stream().findFirst();
    }

    /** Analyzed bundles hosted by {@code host} whose rules were never checked on the complete bundle. */
    public List<String> analyzedWithoutFinalCheck(String host) {
        return jdbc.query("""
                SELECT b.log_bundle_id FROM log_bundles b
                  LEFT JOIN bundle_rule_checks c ON c.log_bundle_id = b.log_bundle_id
                 WHERE b.status = 'completed' AND b.hosting_worker_vm_ip = ? AND (c.final IS NULL OR NOT c.final)
                 ORDER BY b.submitted_at""", rs -> rs.getString(1), host);
    }

    private static IssueRow issue(ResultSet rs) throws SQLException {
        String node = rs.getString("node");
        return new IssueRow(rs.getString("log_bundle_id"), rs.getString("rule_id"), rs.getInt("rule_version"),
                rs.getString("title"), rs.getString("severity"), node.isEmpty() ? null : node,
                instant(rs, "first_time"), instant(rs, "last_time"), rs.getLong("match_count"), rs.getInt("peak"),
                rs.getBoolean("truncated"), JsonColumns.strings(rs.getString("evidence"), "evidence"));
    }
}
