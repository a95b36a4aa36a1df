package io.bundlescope.index.lucene;

import io.bundlescope.index.RecordRef;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;

/** {@link RecordRef}s of doc ids, from doc values only (no stored fields are read). */
final class RecordRefReader {
  private RecordRefReader() {}

  /** The refs of {@code docs} (doc ids of {@code reader}), in the same order. */
  static List<RecordRef> read(IndexReader reader, int[] docs) throws IOException {
    RecordRef[] refs = new RecordRef[docs.length];
    long[] byDoc = new long[docs.length]; // doc id << 32 | position: doc values only go forward
    for (int i = 0; i < docs.length; i++) byDoc[i] = (long) docs[i] << 32 | i;
    Arrays.sort(byDoc);
    List<LeafReaderContext> leaves = reader.leaves();
    Leaf leaf = null;
    for (long entry : byDoc) {
      int doc = (int) (entry >>> 32);
      if (leaf == null || doc >= leaf.end) leaf = new Leaf(leaves.get(ReaderUtil.subIndex(doc, leaves)));
      refs[(int) entry] = leaf.read(doc - leaf.base);
    }
    return Arrays.asList(refs);
  }

  private static final class Leaf {
    final int base;
    final int end;
    final SortedDocValues id;
    final SortedDocValues cvmIp;
    final SortedDocValues service;
    final NumericDocValues time;

    Leaf(LeafReaderContext context) throws IOException {
      LeafReader r = context.reader();
      base = context.docBase;
      end = base + r.maxDoc();
      id = DocValues.getSorted(r, RecordDocuments.ID);
      cvmIp = DocValues.getSorted(r, RecordDocuments.CVM_IP);
      service = DocValues.getSorted(r, RecordDocuments.SERVICE);
      time = DocValues.getNumeric(r, RecordDocuments.TIME);
    }

    RecordRef read(int doc) throws IOException {
      return new RecordRef(keyword(id, doc), time.advanceExact(doc) ? time.longValue() : 0,
          keyword(cvmIp, doc), keyword(service, doc));
    }

    private static String keyword(SortedDocValues values, int doc) throws IOException {
      return values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : null;
    }
  }
}
