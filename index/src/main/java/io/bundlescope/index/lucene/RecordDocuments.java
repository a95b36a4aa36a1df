package io.bundlescope.index.lucene;

import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

/**
 * The index schema: field names and the mapping LogRecord &lt;-&gt; Lucene Document.
 *
 * <p>Keyword fields are exact (not analyzed). The fields that can be grouped or sorted on also
 * carry doc values of the same name; {@code time} carries a point, doc values and a stored value
 * under one name, which lets Lucene skip non-competitive documents when sorting by time. A null
 * optional value (pid, cvm_ip, ...) writes no field and reads back as null.
 */
final class RecordDocuments {
  static final String ID = "id";
  static final String BUNDLE = "log_bundle_id";
  static final String MESSAGE = "message";
  static final String SERVICE = "service";
  static final String FILENAME = "filename";
  static final String FILEPATH = "filepath";
  static final String SOURCE_FILENAME = "source_log_filename";
  static final String CVM_IP = "cvm_ip";
  static final String LEVEL = "log_level";
  static final String CHUNK = "chunk_id";
  static final String PID = "pid";
  static final String TIME = "time";
  static final String TIME_TEXT = "time_text";
  static final String LINE = "line_number";
  static final String ANOMALY = "anomaly";

  private RecordDocuments() {}

  /** The document for a record; id and chunk id are required (sorting and chunk undo need them). */
  static Document toDocument(LogRecord r) {
    if (r.id() == null || r.chunkId() == null) {
      throw new IllegalArgumentException("a record needs an id and a chunk id: " + r.id());
    }
    Document d = new Document();
    keyword(d, ID, r.id(), true);
    keyword(d, BUNDLE, r.logBundleId(), false);
    keyword(d, SERVICE, r.service(), true);
    keyword(d, FILENAME, r.filename(), true);
    keyword(d, CVM_IP, r.cvmIp(), true);
    keyword(d, LEVEL, (r.level() == null ? LogLevel.UNKNOWN : r.level()).name(), true);
    keyword(d, FILEPATH, r.filepath(), false);
    keyword(d, SOURCE_FILENAME, r.sourceLogFilename(), false);
    keyword(d, CHUNK, r.chunkId(), false);
    d.add(new TextField(MESSAGE, r.message() == null ? "" : r.message(), Field.Store.YES));
    d.add(new LongPoint(TIME, r.timeMicros()));
    d.add(new NumericDocValuesField(TIME, r.timeMicros()));
    d.add(new StoredField(TIME, r.timeMicros()));
    if (r.timeText() != null) d.add(new StoredField(TIME_TEXT, r.timeText()));
    d.add(new NumericDocValuesField(LINE, r.lineNumber()));
    d.add(new StoredField(LINE, r.lineNumber()));
    if (r.pid() != null) {
      d.add(new LongPoint(PID, r.pid()));
      d.add(new NumericDocValuesField(PID, r.pid()));
      d.add(new StoredField(PID, r.pid()));
    }
    if (r.anomaly() != 0) d.add(new StoredField(ANOMALY, r.anomaly()));
    return d;
  }

  /** Rebuilds the record from a document's stored fields. */
  static LogRecord toRecord(Document d) {
    return new LogRecord(
        d.get(ID),
        d.get(BUNDLE),
        d.get(MESSAGE),
        d.get(SERVICE),
        d.get(FILENAME),
        d.get(FILEPATH),
        number(d, TIME).longValue(),
        d.get(TIME_TEXT),
        LogLevel.valueOf(d.get(LEVEL)),
        d.get(SOURCE_FILENAME),
        number(d, PID) == null ? null : number(d, PID).longValue(),
        d.get(CVM_IP),
        number(d, ANOMALY) == null ? 0 : number(d, ANOMALY).doubleValue(),
        number(d, LINE).longValue(),
        d.get(CHUNK));
  }

  private static void keyword(Document d, String name, String value, boolean docValues) {
    if (value == null) return;
    d.add(new StringField(name, value, Field.Store.YES));
    if (docValues) d.add(new SortedDocValuesField(name, new BytesRef(value)));
  }

  private static Number number(Document d, String name) {
    IndexableField f = d.getField(name);
    return f == null ? null : f.numericValue();
  }
}
