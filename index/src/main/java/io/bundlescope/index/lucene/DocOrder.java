package io.bundlescope.index.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;

/**
 * Reads something of each of a list of docs: segment by segment in increasing doc id order
 * (doc values iterators only go forward), answered in the list's order.
 */
final class DocOrder {
  /** What is read of one segment's docs, by doc id within the segment. */
  interface SegmentReading<T> {
    T read(int segmentDoc) throws IOException;
  }

  /** Opens a segment's reading (its doc values). */
  interface SegmentOpener<T> {
    SegmentReading<T> open(LeafReaderContext segment) throws IOException;
  }

  private DocOrder() {}

  /** The values of {@code docs} (doc ids of {@code reader}), in the same order. */
  @SuppressWarnings("unchecked")
  static <T> List<T> read(IndexReader reader, int[] docs, SegmentOpener<T> opener) throws IOException {
    Object[] values = new Object[docs.length];
    long[] byDoc = new long[docs.length]; // doc id << 32 | position
    for (int i = 0; i < docs.length; i++) byDoc[i] = (long) docs[i] << 32 | i;
    Arrays.sort(byDoc);
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = null;
    SegmentReading<T> reading = null;
    for (long entry : byDoc) {
      int doc = (int) (entry >>> 32);
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        reading = opener.open(leaf);
      }
      values[(int) entry] = reading.read(doc - leaf.docBase);
    }
    return (List<T>) Arrays.asList(values);
  }
}
