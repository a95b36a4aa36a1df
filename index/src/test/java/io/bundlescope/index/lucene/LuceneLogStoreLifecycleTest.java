package io.bundlescope.index.lucene;

import static io.bundlescope.index.lucene.Fixtures.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bundlescope.index.BundleIndexWriter;
import io.bundlescope.parsers.LogRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writers, commits, chunk undo, deletion and reopening of {@link LuceneLogStore}. */
class LuceneLogStoreLifecycleTest {
  @TempDir Path root;
  private LuceneLogStore store;

  @AfterEach
  void closeStore() throws IOException {
    if (store != null) store.close();
  }

  private LuceneLogStore open(Duration refresh) {
    store = new LuceneLogStore(root, refresh);
    return store;
  }

  private LuceneLogStore reopen() throws IOException {
    store.close();
    return open(Duration.ZERO);
  }

  private Set<String> chunks(String bundle) {
    return store.search(query(bundle).limit(10_000).build()).records().stream()
        .map(LogRecord::chunkId).collect(Collectors.toSet());
  }

  private long count(String bundle) {
    return store.count(query(bundle).build());
  }

  @Test
  void deleteChunkRemovesExactlyThatChunkCommittedOrNot() throws IOException {
    open(Duration.ZERO);
    List<LogRecord> records = Fixtures.generated("b1", 90); // chunks c0, c1, c2: 30 each
    BundleIndexWriter writer = store.writer("b1");
    records.subList(0, 60).forEach(writer::add);
    writer.commit();
    records.subList(60, 90).forEach(writer::add); // uncommitted records of every chunk

    writer.deleteChunk("c1");
    assertEquals(Set.of("c0", "c2"), chunks("b1"));
    assertEquals(60, count("b1"));

    writer.commit();
    reopen();
    assertEquals(Set.of("c0", "c2"), chunks("b1"));
    assertEquals(60, count("b1"));
  }

  @Test
  void deletedChunkCanBeWrittenAgain() {
    open(Duration.ZERO);
    BundleIndexWriter writer = store.writer("b1");
    List<LogRecord> records = Fixtures.generated("b1", 30);
    records.forEach(writer::add);
    writer.commit();
    writer.deleteChunk("c0");
    records.stream().filter(r -> r.chunkId().equals("c0")).forEach(writer::add);
    writer.commit();
    assertEquals(30, count("b1"));
  }

  @Test
  void reopenKeepsCommittedRecordsAndDropsUncommittedOnes() throws IOException {
    open(Duration.ZERO);
    List<LogRecord> records = Fixtures.generated("b1", 15);
    BundleIndexWriter writer = store.writer("b1");
    records.subList(0, 10).forEach(writer::add);
    writer.commit();
    records.subList(10, 15).forEach(writer::add);
    assertEquals(15, count("b1"));

    reopen();
    assertTrue(store.hasBundle("b1"));
    assertEquals(records.subList(0, 10), store.search(query("b1").build()).records());
  }

  @Test
  void bundleNeverCommittedIsNotHeldAfterReopen() throws IOException {
    open(Duration.ZERO);
    Fixtures.generated("b1", 5).forEach(store.writer("b1")::add);
    assertTrue(store.hasBundle("b1"));
    reopen();
    assertFalse(store.hasBundle("b1"));
    assertEquals(0, count("b1"));
  }

  @Test
  void searchesSeeUncommittedRecordsOnlyAfterARefresh() {
    open(Duration.ofHours(1));
    BundleIndexWriter writer = store.writer("b1");
    Fixtures.generated("b1", 5).forEach(writer::add);
    assertEquals(0, count("b1"), "refreshed before the interval elapsed");
    writer.commit();
    assertEquals(5, count("b1"));
  }

  @Test
  void searchesSeeUncommittedRecordsWithoutARefreshInterval() {
    open(Duration.ZERO);
    BundleIndexWriter writer = store.writer("b1");
    Fixtures.generated("b1", 5).forEach(writer::add);
    assertEquals(5, count("b1"));
  }

  @Test
  void givesOneWriterPerBundle() {
    open(Duration.ZERO);
    assertSame(store.writer("b1"), store.writer("b1"));
  }

  @Test
  void searchesABundleOnDiskWithoutOpeningAWriter() throws IOException {
    open(Duration.ZERO);
    BundleIndexWriter writer = store.writer("b1");
    Fixtures.generated("b1", 20).forEach(writer::add);
    writer.commit();
    reopen();
    assertTrue(store.hasBundle("b1"));
    assertEquals(20, count("b1"));
    assertFalse(isLocked(root.resolve("b1")), "a read-only bundle holds no write lock");
  }

  private static boolean isLocked(Path dir) {
    try (Directory d = FSDirectory.open(dir);
        Lock lock = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Test
  void writerReopensABundleThatWasSearchedReadOnly() throws IOException {
    open(Duration.ZERO);
    BundleIndexWriter writer = store.writer("b1");
    List<LogRecord> records = Fixtures.generated("b1", 20);
    records.subList(0, 10).forEach(writer::add);
    writer.commit();
    reopen();
    assertEquals(10, count("b1")); // opens the partition read-only

    BundleIndexWriter again = store.writer("b1");
    records.subList(10, 20).forEach(again::add);
    again.commit();
    assertEquals(records, store.search(query("b1").build()).records());
  }

  @Test
  void deleteBundleRemovesItsRecordsAndDirectory() {
    open(Duration.ZERO);
    BundleIndexWriter writer = store.writer("b1");
    Fixtures.generated("b1", 10).forEach(writer::add);
    writer.commit();
    Fixtures.generated("b2", 10).forEach(store.writer("b2")::add);

    store.deleteBundle("b1");
    assertFalse(store.hasBundle("b1"));
    assertFalse(Files.exists(root.resolve("b1")));
    assertEquals(0, count("b1"));
    assertEquals(10, count("b2"));
    assertThrows(IllegalStateException.class, () -> writer.add(Fixtures.generated("b1", 1).get(0)));
    assertEquals(0, store.count(query("b1").build()));
    store.deleteBundle("b1"); // deleting an absent bundle is a no-op
  }

  @Test
  void deleteBundleRemovesABundleThatIsOnlyOnDisk() throws IOException {
    open(Duration.ZERO);
    BundleIndexWriter writer = store.writer("b1");
    Fixtures.generated("b1", 10).forEach(writer::add);
    writer.commit();
    reopen();
    store.deleteBundle("b1");
    assertFalse(Files.exists(root.resolve("b1")));
    assertFalse(store.hasBundle("b1"));
  }

  @Test
  void acceptsConcurrentAddsFromSeveralThreads() throws Exception {
    open(Duration.ZERO);
    BundleIndexWriter writer = store.writer("b1");
    List<LogRecord> records = Fixtures.generated("b1", 4000);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        List<LogRecord> part = records.subList(t * 1000, (t + 1) * 1000);
        parts.add(pool.submit(() -> part.forEach(writer::add)));
      }
      long seen = 0;
      for (int i = 0; i < 20; i++) { // searching while ingesting never goes backwards
        long now = count("b1");
        assertTrue(now >= seen, now + " < " + seen);
        seen = now;
      }
      for (Future<?> f : parts) f.get(1, TimeUnit.MINUTES);
    } finally {
      pool.shutdownNow();
    }
    writer.commit();
    assertEquals(4000, count("b1"));
  }

  @Test
  void rejectsRecordsOfAnotherBundleOrWithoutChunk() {
    open(Duration.ZERO);
    BundleIndexWriter writer = store.writer("b1");
    LogRecord other = Fixtures.generated("b2", 1).get(0);
    assertThrows(IllegalArgumentException.class, () -> writer.add(other));
    LogRecord r = Fixtures.generated("b1", 1).get(0);
    LogRecord noChunk = new LogRecord(r.id(), r.logBundleId(), r.message(), r.service(),
        r.filename(), r.filepath(), r.timeMicros(), r.timeText(), r.level(),
        r.sourceLogFilename(), r.pid(), r.cvmIp(), r.anomaly(), r.lineNumber(), null);
    assertThrows(IllegalArgumentException.class, () -> writer.add(noChunk));
  }

  @Test
  void closedStoreRefusesWork() throws IOException {
    open(Duration.ZERO);
    BundleIndexWriter writer = store.writer("b1");
    store.close();
    assertThrows(IllegalStateException.class, () -> store.writer("b1"));
    assertThrows(IllegalStateException.class, () -> store.count(query("b1").build()));
    assertThrows(IllegalStateException.class, writer::commit);
    store.close(); // idempotent
  }
}
