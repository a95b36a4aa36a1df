package io.bundlescope.index.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * Point-in-time searchers of the bundles one query covers, released on close. One bundle is
 * searched directly; several through a MultiReader over their readers.
 */
final class Snapshot implements AutoCloseable {
  private final List<BundlePartition> partitions = new ArrayList<>();
  private final List<IndexSearcher> acquired = new ArrayList<>();
  private MultiReader multi;
  private IndexSearcher searcher;

  void add(BundlePartition partition, IndexSearcher searcher) {
    partitions.add(partition);
    acquired.add(searcher);
  }

  boolean isEmpty() {
    return acquired.isEmpty();
  }

  IndexSearcher searcher() throws IOException {
    if (searcher == null) {
      if (acquired.size() == 1) {
        searcher = acquired.get(0);
      } else {
        IndexReader[] readers = acquired.stream().map(IndexSearcher::getIndexReader)
            .toArray(IndexReader[]::new);
        multi = new MultiReader(readers, false); // holds its own references to the readers
        searcher = new IndexSearcher(multi);
      }
    }
    return searcher;
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    try {
      if (multi != null) multi.close();
    } catch (IOException e) {
      failure = e;
    }
    for (int i = 0; i < acquired.size(); i++) {
      try {
        partitions.get(i).release(acquired.get(i));
      } catch (IOException e) {
        if (failure == null) failure = e;
      }
    }
    if (failure != null) throw failure;
  }
}
