package io.bundlescope.index;

import io.bundlescope.parsers.LogRecord;

/**
 * Writes one bundle's records. Records become durable only at {@link #commit()}; after a crash
 * the caller undoes unfinished chunks with {@link #deleteChunk(String)} and writes them again.
 * Thread-safe: several chunk parsers add concurrently.
 */
public interface BundleIndexWriter {

  void add(LogRecord record);

  /** Deletes every record written for the chunk, committed or not. */
  void deleteChunk(String chunkId);

  /** Makes everything added so far durable and visible to searches. */
  void commit();
}
