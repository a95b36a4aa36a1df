package io.bundlescope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules and issues on a real PostgreSQL; each test uses its own ids. */
class RuleRepositoryTest {
    @TempDir
    static Path dir;
    static Database db;
    static RuleRepository rules;
    static IssueRepository issues;
    static BundleRepository bundles;

    @BeforeAll
    static void start() {
        db = Database.start(DatabaseSettings.embedded(dir.resolve("pg"), 0));
        rules = new RuleRepository(db.dataSource());
        issues = new IssueRepository(db.dataSource());
        bundles = new BundleRepository(db.dataSource());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static String uid() {
        return "r-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String json(int version, String title) {
        return "{\"version\": " + version + ", \"title\": \"" + title + "\"}";
    }

    @Test
    void everySaveTakesTheNextVersionAndIsKeptInTheHistory() {
        String id = uid();
        StoredRule v1 = rules.save(id, v -> json(v, "first"), null, true, "user", "alice");
        StoredRule v2 = rules.save(id, v -> json(v, "second"), 1, false, "user", "bob");
        assertEquals(1, v1.version());
        assertEquals(2, v2.version());
        StoredRule stored = rules.find(id).orElseThrow();
        assertEquals(2, stored.version());
        assertFalse(stored.enabled());
        assertTrue(stored.definitionJson().contains("\"second\""));
        assertTrue(stored.definitionJson().contains("\"version\": 2"));
        List<RuleVersion> history = rules.history(id);
        assertEquals(List.of("created", "updated"), history.stream().map(RuleVersion::change).toList());
        assertEquals(List.of("alice", "bob"), history.stream().map(RuleVersion::changedBy).toList());
        assertTrue(history.get(0).definitionJson().contains("\"first\""));
    }

    @Test
    void aChangeOnAStaleVersionIsAConflict() {
        String id = uid();
        rules.save(id, v -> json(v, "a"), null, true, "user", null);
        rules.save(id, v -> json(v, "b"), 1, true, "user", null);
        RuleVersionConflict conflict = assertThrows(RuleVersionConflict.class,
                () -> rules.save(id, v -> json(v, "c"), 1, true, "user", null));
        assertEquals(2, conflict.currentVersion());
        assertTrue(rules.find(id).orElseThrow().definitionJson().contains("\"b\""));
        assertEquals(2, rules.history(id).size());
    }

    @Test
    void aDeletedRuleIsGoneButItsHistoryStaysAndARecreationContinuesItsVersions() {
        String id = uid();
        rules.save(id, v -> json(v, "a"), null, true, "user", null);
        rules.delete(id, 1, "carol");
        assertTrue(rules.find(id).isEmpty());
        assertTrue(rules.list().stream().noneMatch(r -> r.ruleId().equals(id)));
        assertThrows(NoSuchElementException.class, () -> rules.delete(id, null, null));
        StoredRule again = rules.save(id, v -> json(v, "again"), 0, true, "user", null);
        assertEquals(3, again.version());
        assertEquals(List.of("created", "deleted", "created"), rules.history(id).stream().map(RuleVersion::change).toList());
    }

    @Test
    void seedingAddsOnlyRulesNeverStored() {
        String kept = uid();
        String deleted = uid();
        String fresh = uid();
        rules.save(kept, v -> json(v, "edited by a user"), null, true, "user", null);
        rules.save(deleted, v -> json(v, "x"), null, true, "starter", null);
        rules.delete(deleted, null, null);
        Map<String, String> library = new LinkedHashMap<>();
        library.put(kept, json(1, "shipped"));
        library.put(deleted, json(1, "shipped"));
        library.put(fresh, json(1, "shipped"));
        assertEquals(1, rules.seed(library, "starter"));
        assertTrue(rules.find(kept).orElseThrow().definitionJson().contains("edited by a user"));
        assertTrue(rules.find(deleted).isEmpty());
        assertEquals("starter", rules.find(fresh).orElseThrow().origin());
        assertEquals(0, rules.seed(library, "starter"));
    }

    @Test
    void listEnabledLeavesDisabledRulesOut() {
        String on = uid();
        String off = uid();
        rules.save(on, v -> json(v, "on"), null, true, "user", null);
        rules.save(off, v -> json(v, "off"), null, false, "user", null);
        List<String> enabled = rules.listEnabled().stream().map(StoredRule::ruleId).toList();
        assertTrue(enabled.contains(on));
        assertFalse(enabled.contains(off));
    }

    @Test
    void aRuleCheckReplacesTheBundlesIssuesAsAWhole() {
        String bundle = "b-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t = Instant.parse("2026-11-30T03:10:00Z");
        IssueRow minor = new IssueRow(bundle, "z-minor", 1, "Minor", "minor", "10.0.0.1", t, t, 1, 1, false, List.of("a"));
        IssueRow critical = new IssueRow(bundle, "a-crit", 2, "Crit", "critical", null, t.plusSeconds(60), t.plusSeconds(90),
                5, 3, true, List.of("b", "c"));
        issues.replace(new RuleCheckRow(bundle, t, 40, "[]", false), List.of(minor));
        issues.replace(new RuleCheckRow(bundle, t.plusSeconds(5), 41, "[{\"rule_id\": \"gc\"}]", true), List.of(minor, critical));
        assertEquals(List.of(critical, minor), issues.issues(bundle));
        RuleCheckRow check = issues.lastCheck(bundle).orElseThrow();
        assertEquals(41, check.rulesChecked());
        assertTrue(check.isFinal());
        issues.replace(new RuleCheckRow(bundle, t.plusSeconds(9), 41, "[]", true), List.of());
        assertTrue(issues.issues(bundle).isEmpty());
    }

    @Test
    void analyzedBundlesWithoutAFinalCheckAreFoundPerHost() {
        String done = "b-" + UUID.randomUUID().toString().substring(0, 8);
        String checked = "b-" + UUID.randomUUID().toString().substring(0, 8);
        String host = "127.0.0.1:" + (20000 + (int) (Math.random() * 10000));
        for (String id : List.of(done, checked)) {
            bundles.insert(new NewBundle(id, "/b/" + id, 1L, null, host, null, Instant.now()));
            bundles.markStarted(id, Instant.now(), host);
            bundles.markCompleted(id, Instant.now(), 3, null);
        }
        issues.replace(new RuleCheckRow(checked, Instant.now(), 1, "[]", true), List.of());
        assertEquals(List.of(done), issues.analyzedWithoutFinalCheck(host));
    }
}
