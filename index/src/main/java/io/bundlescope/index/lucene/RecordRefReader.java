package io.bundlescope.index.lucene;

import io.bundlescope.index.RecordRef;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;

/** {@link RecordRef}s of doc ids, from doc values only (no stored fields are read). */
final class RecordRefReader {
  private RecordRefReader() {}

  /** The refs of {@code docs} (doc ids of {@code reader}), in the same order. */
  static List<RecordRef> read(IndexReader reader, int[] docs) throws IOException {
    return DocOrder.read(reader, docs, segment -> new Leaf(segment)::read);
  }

  private static final class Leaf {
    final SortedDocValues id;
    final SortedDocValues cvmIp;
    final SortedDocValues service;
    final NumericDocValues time;

    Leaf(LeafReaderContext context) throws IOException {
      LeafReader r = context.reader();
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
