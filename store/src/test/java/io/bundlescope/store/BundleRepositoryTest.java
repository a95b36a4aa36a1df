package io.bundlescope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each test works on its own ids and paths, so tests share one database and run in any order. */
class BundleRepositoryTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    static Path dir;
    static Database db;
    static BundleRepository repo;

    @BeforeAll
    static void start() {
        db = Database.start(DatabaseSettings.embedded(dir.resolve("pg"), 0));
        repo = new BundleRepository(db.dataSource());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void insertStoresAQueuedBundleWithTheGivenFields() {
        String id = uid();
        BundleRow row = repo.insert(new NewBundle(id, "/b/" + id + ".tgz", 1234L, "syslog", "10.0.0.5",
                "nfs://share/" + id, T0));

        assertEquals(row, repo.findById(id).orElseThrow());
        assertEquals(id, row.logBundleId());
        assertEquals("/b/" + id + ".tgz", row.logBundlePath());
        assertEquals(JobStatus.QUEUED, row.status());
        assertEquals("10.0.0.5", row.hostingWorkerVmIp());
        assertEquals(1234L, row.bundleSize());
        assertEquals("syslog", row.logType());
        assertEquals("nfs://share/" + id, row.remoteLogBundlePath());
        assertEquals(T0, row.submittedAt());
        assertFalse(row.isAnalyzed());
        assertNull(row.bundleType());
        assertNull(row.startTime());
        assertNull(row.endTime());
        assertNull(row.errorMsg());
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L),
                List.of(row.filesTotal(), row.filesDone(), row.bytesTotal(), row.bytesDone(), row.records()));
        assertEquals(List.of(), row.warnings());
        assertNull(row.summaryJson());
    }

    @Test
    void insertAcceptsUnknownSizeHostAndRemotePath() {
        String id = uid();
        BundleRow row = repo.insert(new NewBundle(id, "/b/" + id, null, null, null, null, T0));
        assertNull(row.bundleSize());
        assertNull(row.hostingWorkerVmIp());
        assertNull(row.logType());
    }

    @Test
    void findByIdOfUnknownBundleIsEmpty() {
        assertEquals(Optional.empty(), repo.findById(uid()));
    }

    @Test
    void findLatestByPathReturnsTheMostRecentSubmissionOfExactlyThatPath() {
        String path = "/b/" + uid() + ".tgz";
        String older = insert(path, "syslog", T0).logBundleId();
        String newest = insert(path, "syslog", T0.plusSeconds(60)).logBundleId();
        insert(path + ".other", "syslog", T0.plusSeconds(120));

        assertEquals(newest, repo.findLatestByPath(path).orElseThrow().logBundleId());
        assertTrue(repo.findById(older).isPresent());
        assertEquals(Optional.empty(), repo.findLatestByPath("/never/submitted"));
    }

    @Test
    void listReturnsNewestFirstFilteredByLogTypeAndPathSubstring() {
        String tag = uid();
        String a = insert("/x/" + tag + "/a.tgz", "syslog-" + tag, T0).logBundleId();
        String b = insert("/x/" + tag + "/b.tgz", "k8s-" + tag, T0.plusSeconds(1)).logBundleId();
        String c = insert("/y/" + tag + "/c.tgz", "syslog-" + tag, T0.plusSeconds(2)).logBundleId();

        assertEquals(List.of(c, b, a), ids(repo.list(null, tag)));
        assertEquals(List.of(c, a), ids(repo.list("syslog-" + tag, null)));
        assertEquals(List.of(a), ids(repo.list("syslog-" + tag, "/x/" + tag)));
        assertEquals(List.of(), ids(repo.list("nope-" + tag, null)));
        assertTrue(ids(repo.list(null, null)).containsAll(List.of(a, b, c)));
    }

    @Test
    void listFiltersByTheDetectedBundleTypeWhenNoLogTypeWasGiven() {
        String tag = uid();
        String detected = insert("/d/" + tag + "/a.tgz", null, T0).logBundleId();
        String labelled = insert("/d/" + tag + "/b.tgz", "custom-" + tag, T0.plusSeconds(1)).logBundleId();
        repo.recordPlan(detected, "cluster-" + tag, 3, 30);
        repo.recordPlan(labelled, "cluster-" + tag, 3, 30);

        assertEquals(List.of(detected), ids(repo.list("cluster-" + tag, null)));
        assertEquals(List.of(labelled), ids(repo.list("custom-" + tag, null)));
    }

    @Test
    void listTreatsPathFilterLiterallyNotAsAPattern() {
        String tag = uid();
        String literal = insert("/z/" + tag + "/50%_done.tgz", null, T0).logBundleId();
        insert("/z/" + tag + "/50x_done.tgz", null, T0);

        assertEquals(List.of(literal), ids(repo.list(null, tag + "/50%_")));
    }

    @Test
    void markStartedSetsInProgressStartTimeAndHost() {
        String id = insert("/b/" + uid(), "syslog", T0).logBundleId();
        repo.markStarted(id, T0.plusSeconds(5), "10.0.0.7");

        BundleRow row = repo.findById(id).orElseThrow();
        assertEquals(JobStatus.INPROGRESS, row.status());
        assertEquals(T0.plusSeconds(5), row.startTime());
        assertEquals("10.0.0.7", row.hostingWorkerVmIp());
    }

    @Test
    void recordPlanAndUpdateProgressStoreTheCounters() {
        String id = insert("/b/" + uid(), "syslog", T0).logBundleId();
        repo.recordPlan(id, "tar.gz", 12, 4096);
        repo.updateProgress(id, 3, 1024, 777);

        BundleRow row = repo.findById(id).orElseThrow();
        assertEquals("tar.gz", row.bundleType());
        assertEquals(List.of(12L, 3L, 4096L, 1024L, 777L),
                List.of(row.filesTotal(), row.filesDone(), row.bytesTotal(), row.bytesDone(), row.records()));
    }

    @Test
    void addWarningsAppendsInOrder() {
        String id = insert("/b/" + uid(), null, T0).logBundleId();
        repo.addWarnings(id, List.of("first", "second"));
        repo.addWarnings(id, List.of());
        repo.addWarnings(id, List.of("third \"quoted\" ✓"));

        assertEquals(List.of("first", "second", "third \"quoted\" ✓"), repo.findById(id).orElseThrow().warnings());
    }

    @Test
    void addWarningsKeepsOnlyTheFirstThousand() {
        String id = insert("/b/" + uid(), null, T0).logBundleId();
        repo.addWarnings(id, warnings(0, 990));
        repo.addWarnings(id, warnings(990, 1020));
        repo.addWarnings(id, List.of("after the cap"));

        List<String> kept = repo.findById(id).orElseThrow().warnings();
        assertEquals(BundleRepository.MAX_WARNINGS, kept.size());
        assertEquals(warnings(0, 1000), kept);
    }

    @Test
    void markCompletedSetsAnalyzedEndTimeRecordsAndSummary() throws Exception {
        String id = insert("/b/" + uid(), null, T0).logBundleId();
        repo.markStarted(id, T0.plusSeconds(1), "10.0.0.7");
        String summary = "{\"levels\": {\"ERROR\": 3, \"INFO\": 40}, \"nodes\": {\"n1\": 43}}";
        repo.markCompleted(id, T0.plusSeconds(9), 43, summary);

        BundleRow row = repo.findById(id).orElseThrow();
        assertEquals(JobStatus.COMPLETED, row.status());
        assertTrue(row.isAnalyzed());
        assertEquals(T0.plusSeconds(9), row.endTime());
        assertEquals(43, row.records());
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(summary), json.readTree(row.summaryJson()));
    }

    @Test
    void markFailedStoresTheErrorAndEndTimeWithoutMarkingAnalyzed() {
        String id = insert("/b/" + uid(), null, T0).logBundleId();
        repo.markFailed(id, T0.plusSeconds(3), "not a tar archive");

        BundleRow row = repo.findById(id).orElseThrow();
        assertEquals(JobStatus.FAILED, row.status());
        assertEquals("not a tar archive", row.errorMsg());
        assertEquals(T0.plusSeconds(3), row.endTime());
        assertFalse(row.isAnalyzed());
    }

    @Test
    void setHostMovesTheBundleToAnotherWorker() {
        String id = repo.insert(new NewBundle(uid(), "/b/x", null, null, "10.0.0.1", null, T0)).logBundleId();
        repo.setHost(id, "10.0.0.2");
        assertEquals("10.0.0.2", repo.findById(id).orElseThrow().hostingWorkerVmIp());
    }

    @Test
    void updatingAnUnknownBundleThrowsNoSuchElement() {
        String unknown = uid();
        assertThrows(NoSuchElementException.class, () -> repo.markStarted(unknown, T0, "h"));
        assertThrows(NoSuchElementException.class, () -> repo.updateProgress(unknown, 1, 1, 1));
        assertThrows(NoSuchElementException.class, () -> repo.addWarnings(unknown, List.of("w")));
        assertThrows(NoSuchElementException.class, () -> repo.markCompleted(unknown, T0, 0, null));
    }

    @Test
    void insertingADuplicateIdFailsWithStoreException() {
        String id = insert("/b/" + uid(), null, T0).logBundleId();
        assertThrows(StoreException.class, () -> repo.insert(new NewBundle(id, "/b/again", null, null, null, null, T0)));
    }

    @Test
    void claimInboxSucceedsOnlyForTheFirstClaimOfAPath() {
        String path = "/inbox/" + uid() + ".tgz";
        assertEquals(Optional.empty(), repo.inboxClaim(path, 10, T0));
        assertTrue(repo.claimInbox(path, 10, T0, "b-first"));
        assertFalse(repo.claimInbox(path, 10, T0, "b-second"));
        assertEquals(Optional.of("b-first"), repo.inboxClaim(path, 10, T0));
    }

    @Test
    void aNewVersionOfAnInboxFileIsClaimedAnew() {
        String path = "/inbox/" + uid() + ".tgz";
        assertTrue(repo.claimInbox(path, 10, T0, "b-v1"));

        assertTrue(repo.claimInbox(path, 11, T0.plusSeconds(60), "b-v2"));
        assertEquals(Optional.of("b-v1"), repo.inboxClaim(path, 10, T0));
        assertEquals(Optional.of("b-v2"), repo.inboxClaim(path, 11, T0.plusSeconds(60)));
    }

    @Test
    void concurrentClaimsOfOnePathHaveExactlyOneWinner() throws Exception {
        String path = "/inbox/" + uid() + ".tgz";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> claims = IntStream.range(0, 8)
                    .<Callable<Boolean>>mapToObj(i -> () -> repo.claimInbox(path, 10, T0, "b-" + i)).toList();
            long winners = 0;
            for (Future<Boolean> f : pool.invokeAll(claims)) {
                winners += f.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void jobStatusWireSpellingIsLowercase() {
        assertEquals("inprogress", JobStatus.INPROGRESS.wire());
        for (JobStatus s : JobStatus.values()) {
            assertEquals(s, JobStatus.fromWire(s.wire()));
        }
    }

    private static BundleRow insert(String path, String logType, Instant submittedAt) {
        return repo.insert(new NewBundle(uid(), path, 100L, logType, null, null, submittedAt));
    }

    private static List<String> ids(List<BundleRow> rows) {
        return rows.stream().map(BundleRow::logBundleId).toList();
    }

    private static List<String> warnings(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "warning " + i).toList();
    }

    private static String uid() {
        return UUID.randomUUID().toString();
    }
}
