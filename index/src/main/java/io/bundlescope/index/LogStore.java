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

  /** Time-sorted page of records matching the query across the bundles it names. */
  SearchPage search(LogQuery query);

  /** Counts of matching records grouped by a field, largest first. */
  List<Bucket> aggregate(LogQuery query, GroupField field);

  /** Number of matching records. */
  long count(LogQuery query);
}
