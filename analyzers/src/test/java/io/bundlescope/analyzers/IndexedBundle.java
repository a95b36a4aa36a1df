package io.bundlescope.analyzers;

import io.bundlescope.index.BundleIndexWriter;
import io.bundlescope.index.lucene.LuceneLogStore;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A bundle in a real Lucene index (always current: no refresh lag) that a test fills record by
 * record, as the parsers would: ids {@code r1, r2...}, line numbers in order, one chunk per
 * node and file, times in seconds from {@link #T0}.
 */
public final class IndexedBundle implements AutoCloseable {
  /** 2025-11-30T00:00:00Z in micros. */
  public static final long T0 = 1_764_460_800_000_000L;
  public static final long S = 1_000_000L;

  public final LuceneLogStore store;
  public final String id;
  private final BundleIndexWriter writer;
  private int line;

  public IndexedBundle(Path dir, String id) {
    this.store = new LuceneLogStore(dir, Duration.ZERO);
    this.id = id;
    this.writer = store.writer(id);
  }

  /** Adds a record at {@code T0 + second} and returns its id. */
  public String add(long second, String node, String service, String filename, Long pid, LogLevel level,
      String message) {
    line++;
    String recordId = "r" + line;
    writer.add(new LogRecord(recordId, id, message, service, filename, node + "/" + filename, T0 + second * S, "t",
        level, filename, pid, node, 0, line, "c-" + node + "-" + filename));
    return recordId;
  }

  /** Makes what was added searchable. */
  public IndexedBundle commit() {
    writer.commit();
    return this;
  }

  @Override
  public void close() throws Exception {
    store.close();
  }
}
