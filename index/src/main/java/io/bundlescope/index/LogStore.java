package io.bundlescope.index;

import java.io.Closeable;
import java.util.List;

/**
 * The node-local log index. One implementation is Lucene ({@code LuceneLogStore}); a Manticore
 * backend can implement the same contract. Each bundle has its own index partition so a bundle
 * can be rebuilt or dropped alone.
 */
public interface LogStore extends Closeable {

  /** Opens (or creates) the writable partition of a bundle; one writer per bundle per node. */
  BundleIndexWriter writer(String bundleId);

  /** Removes a bundle's partition entirely. */
  void deleteBundle(String bundleId);

  /** True when this node holds a partition for the bundle. */
  boolean hasBundle(String bundleId);

  /**
   * Time-sorted page of records matching the query across the bundles it names. Bundles this
   * node does not hold count as empty.
   *
   * @throws IllegalArgumentException for an invalid bundle id, text query or cursor
   */
  SearchPage search(LogQuery query);

  /**
   * Exact counts of matching records grouped by a field, largest first, then by key. Records
   * without a value for the field (no pid, no IP) are in no bucket.
   *
   * @throws IllegalArgumentException for an invalid bundle id or text query
   */
  List<Bucket> aggregate(LogQuery query, GroupField field);

  /**
   * Exact number of matching records.
   *
   * @throws IllegalArgumentException for an invalid bundle id or text query
   */
  long count(LogQuery query);
}
