package io.bundlescope.index.lucene;

import static io.bundlescope.index.lucene.RecordDocuments.ANOMALY;
import static io.bundlescope.index.lucene.RecordDocuments.BUNDLE;
import static io.bundlescope.index.lucene.RecordDocuments.CHUNK;
import static io.bundlescope.index.lucene.RecordDocuments.CVM_IP;
import static io.bundlescope.index.lucene.RecordDocuments.FILENAME;
import static io.bundlescope.index.lucene.RecordDocuments.FILEPATH;
import static io.bundlescope.index.lucene.RecordDocuments.ID;
import static io.bundlescope.index.lucene.RecordDocuments.LEVEL;
import static io.bundlescope.index.lucene.RecordDocuments.LINE;
import static io.bundlescope.index.lucene.RecordDocuments.MESSAGE;
import static io.bundlescope.index.lucene.RecordDocuments.PID;
import static io.bundlescope.index.lucene.RecordDocuments.SERVICE;
import static io.bundlescope.index.lucene.RecordDocuments.SOURCE_FILENAME;
import static io.bundlescope.index.lucene.RecordDocuments.TEMPLATE;
import static io.bundlescope.index.lucene.RecordDocuments.TIME;
import static io.bundlescope.index.lucene.RecordDocuments.TIME_TEXT;

import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;

/**
 * Rebuilds records from the index ({@link RecordDocuments} has the schema): stored message,
 * time text and anomaly, every other field from doc values. Segments written before keywords
 * moved to doc values stored them instead; a stored value wins, so those read the same.
 */
final class RecordReader {
  private RecordReader() {}

  /** The records of {@code docs} (doc ids of {@code reader}), in the same order. */
  static List<LogRecord> read(IndexReader reader, int[] docs) throws IOException {
    return DocOrder.read(reader, docs, segment -> new Leaf(segment)::read);
  }

  /** One segment's values; read its docs in increasing order. */
  private static final class Leaf {
    final StoredFields stored;
    final SortedDocValues id;
    final SortedDocValues bundle;
    final SortedDocValues service;
    final SortedDocValues filename;
    final SortedDocValues filepath;
    final SortedDocValues sourceFilename;
    final SortedDocValues cvmIp;
    final SortedDocValues level;
    final SortedDocValues chunk;
    final NumericDocValues time;
    final NumericDocValues line;
    final NumericDocValues pid;
    final NumericDocValues template;

    Leaf(LeafReaderContext context) throws IOException {
      LeafReader r = context.reader();
      stored = r.storedFields();
      id = DocValues.getSorted(r, ID);
      bundle = DocValues.getSorted(r, BUNDLE);
      service = DocValues.getSorted(r, SERVICE);
      filename = DocValues.getSorted(r, FILENAME);
      filepath = DocValues.getSorted(r, FILEPATH);
      sourceFilename = DocValues.getSorted(r, SOURCE_FILENAME);
      cvmIp = DocValues.getSorted(r, CVM_IP);
      level = DocValues.getSorted(r, LEVEL);
      chunk = DocValues.getSorted(r, CHUNK);
      time = DocValues.getNumeric(r, TIME);
      line = DocValues.getNumeric(r, LINE);
      pid = DocValues.getNumeric(r, PID);
      template = DocValues.getNumeric(r, TEMPLATE);
    }

    LogRecord read(int doc) throws IOException {
      Document d = stored.document(doc);
      IndexableField anomaly = d.getField(ANOMALY);
      return new LogRecord(
          string(d, ID, id, doc),
          string(d, BUNDLE, bundle, doc),
          d.get(MESSAGE),
          string(d, SERVICE, service, doc),
          string(d, FILENAME, filename, doc),
          string(d, FILEPATH, filepath, doc),
          number(time, doc),
          d.get(TIME_TEXT),
          LogLevel.valueOf(string(d, LEVEL, level, doc)),
          string(d, SOURCE_FILENAME, sourceFilename, doc),
          number(pid, doc),
          string(d, CVM_IP, cvmIp, doc),
          anomaly == null ? 0 : anomaly.numericValue().doubleValue(),
          number(line, doc),
          string(d, CHUNK, chunk, doc),
          template.advanceExact(doc) ? template.longValue() : 0);
    }

    private static String string(Document d, String name, SortedDocValues values, int doc)
        throws IOException {
      String stored = d.get(name);
      if (stored != null) return stored;
      return values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : null;
    }

    private static Long number(NumericDocValues values, int doc) throws IOException {
      return values.advanceExact(doc) ? values.longValue() : null;
    }
  }
}
