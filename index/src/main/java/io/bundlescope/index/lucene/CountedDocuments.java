package io.bundlescope.index.lucene;

import io.bundlescope.index.CountedRow;
import io.bundlescope.index.LogQuery;
import io.bundlescope.parsers.LogLevel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BytesRef;

/**
 * The schema of a bundle's counted partition ({@code <bundle>/counted/}): one document per
 * (chunk, template, node, service, level, slot) with its {@code count}. Filterable fields carry
 * the record schema's names ({@link RecordDocuments}), so {@link QueryTranslator} filters them
 * as it filters records; {@code time} is the slot's start.
 */
final class CountedDocuments {
  static final String COUNT = "count";

  private CountedDocuments() {}

  static Document toDocument(String chunkId, CountedRow row) {
    Document d = new Document();
    d.add(new StringField(RecordDocuments.CHUNK, chunkId, Field.Store.NO));
    keyword(d, RecordDocuments.SERVICE, row.service());
    keyword(d, RecordDocuments.CVM_IP, row.cvmIp());
    keyword(d, RecordDocuments.LEVEL, row.level().name());
    d.add(new LongPoint(RecordDocuments.TEMPLATE, row.templateId()));
    d.add(new NumericDocValuesField(RecordDocuments.TEMPLATE, row.templateId()));
    d.add(new LongPoint(RecordDocuments.TIME, row.slotMicros()));
    d.add(new NumericDocValuesField(RecordDocuments.TIME, row.slotMicros()));
    d.add(new NumericDocValuesField(COUNT, row.count()));
    return d;
  }

  private static void keyword(Document d, String field, String value) {
    if (value == null) return;
    d.add(new StringField(field, value, Field.Store.NO));
    d.add(new SortedDocValuesField(field, new BytesRef(value)));
  }

  /** Whether counted records can match the query: they have no text, file, pid or message IPs. */
  static boolean applies(LogQuery q) {
    return empty(q.filenames()) && empty(q.pids()) && empty(q.messageIps()) && q.templateNodes() == null
        && (q.text() == null || q.text().isBlank()) && (q.regex() == null || q.regex().isEmpty());
  }

  private static boolean empty(java.util.Collection<?> c) {
    return c == null || c.isEmpty();
  }

  /** Reads every matching document back as a row. */
  static final class Rows extends SimpleCollector {
    final List<CountedRow> rows = new ArrayList<>();
    private SortedDocValues service;
    private SortedDocValues cvmIp;
    private SortedDocValues level;
    private NumericDocValues template;
    private NumericDocValues time;
    private NumericDocValues count;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      var r = context.reader();
      service = DocValues.getSorted(r, RecordDocuments.SERVICE);
      cvmIp = DocValues.getSorted(r, RecordDocuments.CVM_IP);
      level = DocValues.getSorted(r, RecordDocuments.LEVEL);
      template = DocValues.getNumeric(r, RecordDocuments.TEMPLATE);
      time = DocValues.getNumeric(r, RecordDocuments.TIME);
      count = DocValues.getNumeric(r, COUNT);
    }

    @Override
    public void collect(int doc) throws IOException {
      rows.add(new CountedRow(
          template.advanceExact(doc) ? template.longValue() : 0,
          text(cvmIp, doc),
          text(service, doc),
          LogLevel.valueOf(text(level, doc)),
          time.advanceExact(doc) ? time.longValue() : 0,
          count.advanceExact(doc) ? count.longValue() : 0));
    }

    private static String text(SortedDocValues values, int doc) throws IOException {
      return values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : null;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
