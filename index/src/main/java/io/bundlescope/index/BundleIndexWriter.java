package io.bundlescope.index;

import io.bundlescope.parsers.LogRecord;

/**
 * Writes one bundle's records. Records become durable only at {@link #commit()}; after a crash
 * the caller undoes unfinished chunks with {@link #deleteChunk(String)} and writes them again.
 * Thread-safe: several chunk parsers add concurrently.
 */
public interface BundleIndexWriter {

  void add(LogRecord record);

  /**
   * Adds the chunk's counted records (records the ingest policy counts instead of indexing) as
   * one aggregate document per key, beside the index's records; undone with the chunk and made
   * durable by the same commit. Add a chunk's counts once per parse of the chunk.
   */
  void addCounted(String chunkId, CountedRecords counted);

  /** Deletes every record (and every count) written for the chunk, committed or not. */
  void deleteChunk(String chunkId);

  /** Makes everything added so far durable and visible to searches. */
  void commit();
}
