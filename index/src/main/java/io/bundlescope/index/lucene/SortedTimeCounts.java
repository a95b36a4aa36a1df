package io.bundlescope.index.lucene;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Slot counts of a query that filters on time only (or not at all), read off the index sort:
 * in a segment sorted by time, the records of [a, b) are the doc ids from the first with time
 * &gt;= a to the first with time &gt;= b, so each slot is two binary searches on the time doc
 * values and no document is visited. A segment that is not sorted or has deletions is counted
 * by visiting its matches ({@link TimeSlots}).
 */
final class SortedTimeCounts {
  private SortedTimeCounts() {}

  /**
   * @param query the query as translated (used only for the segments counted by visiting)
   * @param from inclusive lower time bound of the query, or null
   * @param to exclusive upper time bound of the query, or null
   */
  static long[] count(IndexSearcher searcher, Query query, Long from, Long to, long origin, long width, int slots)
      throws IOException {
    long[] total = new long[slots];
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      LeafReader reader = leaf.reader();
      if (reader.getLiveDocs() != null || !Cursors.indexSort().equals(reader.getMetaData().getSort())) {
        long[] visited = new IndexSearcher(reader).search(query, new TimeSlots(origin, width, slots, null)).total();
        for (int i = 0; i < slots; i++) total[i] += visited[i];
        continue;
      }
      int start = firstAtOrAfter(reader, Math.max(origin, from == null ? Long.MIN_VALUE : from));
      for (int i = 0; i < slots; i++) {
        long end = origin + (i + 1) * width;
        if (to != null) end = Math.min(end, to);
        int next = firstAtOrAfter(reader, end);
        total[i] += Math.max(0, next - start);
        start = Math.max(start, next);
      }
    }
    return total;
  }

  /** The first doc of a time-sorted segment whose time is &gt;= t (maxDoc when none). */
  private static int firstAtOrAfter(LeafReader reader, long t) throws IOException {
    int lo = 0;
    int hi = reader.maxDoc();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      NumericDocValues times = DocValues.getNumeric(reader, RecordDocuments.TIME); // forward-only: one per probe
      if (times.advanceExact(mid) && times.longValue() >= t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
