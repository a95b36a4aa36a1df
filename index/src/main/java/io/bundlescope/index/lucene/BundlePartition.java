package io.bundlescope.index.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * One bundle's Lucene index directory: either writable (an IndexWriter plus a near-real-time
 * SearcherManager over it) or read-only (a SearcherManager over the last commit). Searchers are
 * refreshed lazily when acquired, at most once per refresh interval, and on every commit.
 * Thread-safe: IndexWriter and SearcherManager are.
 */
final class BundlePartition implements Closeable {
  /** RAM used to buffer added documents before a segment is flushed, per writable bundle. */
  static final double RAM_BUFFER_MB = 64;

  private final String bundleId;
  private final Directory directory;
  private final IndexWriter writer; // null when read-only
  private final SearcherManager searchers;
  private final long refreshNanos;
  private volatile long lastRefresh = System.nanoTime();

  private BundlePartition(
      String bundleId, Directory directory, IndexWriter writer, SearcherManager searchers,
      Duration refreshInterval) {
    this.bundleId = bundleId;
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
    this.refreshNanos = refreshInterval.toNanos();
  }

  /** Opens or creates the index at {@code path} for writing. Nothing is committed yet. */
  static BundlePartition openWritable(String bundleId, Path path, Duration refreshInterval)
      throws IOException {
    return openWritable(bundleId, path, refreshInterval, true, RAM_BUFFER_MB);
  }

  /** As above; {@code sorted}: by the records' order (time, line, id), else unsorted. */
  static BundlePartition openWritable(String bundleId, Path path, Duration refreshInterval, boolean sorted,
      double ramBufferMb) throws IOException {
    Directory dir = FSDirectory.open(path);
    IndexWriter writer = null;
    try {
      IndexWriterConfig config = new IndexWriterConfig(MessageAnalyzer.forIndexing())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setRAMBufferSizeMB(ramBufferMb)
          .setCommitOnClose(false); // close = crash-equivalent; callers commit explicitly
      if (sorted) config.setIndexSort(Cursors.indexSort());
      writer = new IndexWriter(dir, config);
      return new BundlePartition(
          bundleId, dir, writer, new SearcherManager(writer, null), refreshInterval);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(writer, dir);
      throw e;
    }
  }

  /** Opens the last commit at {@code path} for searching, or returns null when there is none. */
  static BundlePartition openReadOnly(String bundleId, Path path, Duration refreshInterval)
      throws IOException {
    Directory dir = FSDirectory.open(path);
    try {
      if (!DirectoryReader.indexExists(dir)) {
        dir.close();
        return null;
      }
      return new BundlePartition(
          bundleId, dir, null, new SearcherManager(dir, null), refreshInterval);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(dir);
      throw e;
    }
  }

  String bundleId() {
    return bundleId;
  }

  boolean writable() {
    return writer != null;
  }

  void add(Document doc) throws IOException {
    writer.addDocument(doc);
  }

  void deleteChunk(String chunkId) throws IOException {
    writer.deleteDocuments(new Term(RecordDocuments.CHUNK, chunkId));
  }

  /** Durably commits and makes everything added so far searchable. */
  void commit() throws IOException {
    writer.commit();
    searchers.maybeRefreshBlocking();
    lastRefresh = System.nanoTime();
  }

  /**
   * A searcher no older than the refresh interval; give it back with {@link #release}.
   *
   * @throws org.apache.lucene.store.AlreadyClosedException when the partition was closed
   */
  IndexSearcher acquire() throws IOException {
    long now = System.nanoTime();
    if (now - lastRefresh >= refreshNanos) {
      if (refreshNanos == 0) searchers.maybeRefreshBlocking();
      else searchers.maybeRefresh(); // skips when another thread is already refreshing
      lastRefresh = now;
    }
    return searchers.acquire();
  }

  void release(IndexSearcher searcher) throws IOException {
    searchers.release(searcher);
  }

  /** Closes without committing: what was not committed is dropped. */
  @Override
  public void close() throws IOException {
    IOUtils.close(searchers, writer, directory);
  }
}
