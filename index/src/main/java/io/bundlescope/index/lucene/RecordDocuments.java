package io.bundlescope.index.lucene;

import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * The index schema: field names and the mapping LogRecord -&gt; Lucene Document ({@link
 * RecordReader} maps back).
 *
 * <p>Each value is written once, in the one structure that serves it (indexing cost and index
 * size both grow with every copy):
 *
 * <ul>
 *   <li>every keyword field has sorted doc values, which group, sort and read it back;
 *   <li>keywords that are filtered on ({@code service}, {@code filename}, {@code cvm_ip},
 *       {@code log_level}, {@code chunk_id}) are also exact terms; {@code id}, {@code
 *       log_bundle_id}, {@code filepath} and {@code source_log_filename} are never searched;
 *   <li>{@code time} and {@code pid} have a point (range and set filters) and numeric doc values
 *       (sorting, grouping, reading back) under one name, which lets Lucene skip
 *       non-competitive documents when sorting by time; {@code line_number} has doc values;
 *   <li>{@code ip} holds the IPv4 addresses written in the message, as terms only;
 *   <li>only {@code message}, {@code time_text} and a non-zero {@code anomaly} are stored.
 * </ul>
 *
 * The message is full text with positions (phrases) and no norms: no query is scored (every
 * clause is a filter and results sort by time), so norms would only cost time and space. A null
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
  /** The message template's id: a point (filter) and numeric doc values (group, read back). */
  static final String TEMPLATE = "template_id";
  /** IPv4 addresses found in the message ({@link MessageIps}): terms only, one per address. */
  static final String IP = "ip";

  private static final FieldType MESSAGE_TYPE = new FieldType(TextField.TYPE_STORED);

  static {
    MESSAGE_TYPE.setOmitNorms(true);
    MESSAGE_TYPE.freeze();
  }

  /** Lucene may reuse a document's fields once addDocument returned: one set per thread. */
  private static final ThreadLocal<Builder> BUILDERS = ThreadLocal.withInitial(Builder::new);

  private RecordDocuments() {}

  /**
   * The document for a record; id and chunk id are required (sorting and chunk undo need them).
   * The document is reused by this thread's next call: add it to the index before that.
   */
  static Document toDocument(LogRecord r) {
    if (r.id() == null || r.chunkId() == null) {
      throw new IllegalArgumentException("a record needs an id and a chunk id: " + r.id());
    }
    return BUILDERS.get().fill(r);
  }

  /** One thread's reusable fields: no per-record allocation beyond the values themselves. */
  private static final class Builder {
    private final Document doc = new Document();
    private final Keyword id = new Keyword(ID, false);
    private final Keyword bundle = new Keyword(BUNDLE, false);
    private final Keyword service = new Keyword(SERVICE, true);
    private final Keyword filename = new Keyword(FILENAME, true);
    private final Keyword filepath = new Keyword(FILEPATH, false);
    private final Keyword sourceFilename = new Keyword(SOURCE_FILENAME, false);
    private final Keyword cvmIp = new Keyword(CVM_IP, true);
    private final Keyword level = new Keyword(LEVEL, true);
    private final Keyword chunk = new Keyword(CHUNK, true);
    private final Field message = new Field(MESSAGE, "", MESSAGE_TYPE);
    private final LongPoint timePoint = new LongPoint(TIME, 0);
    private final NumericDocValuesField time = new NumericDocValuesField(TIME, 0);
    private final StoredField timeText = new StoredField(TIME_TEXT, "");
    private final NumericDocValuesField line = new NumericDocValuesField(LINE, 0);
    private final LongPoint pidPoint = new LongPoint(PID, 0);
    private final NumericDocValuesField pid = new NumericDocValuesField(PID, 0);
    private final LongPoint templatePoint = new LongPoint(TEMPLATE, 0);
    private final NumericDocValuesField template = new NumericDocValuesField(TEMPLATE, 0);

    Document fill(LogRecord r) {
      doc.clear();
      id.add(doc, r.id());
      bundle.add(doc, r.logBundleId());
      service.add(doc, r.service());
      filename.add(doc, r.filename());
      filepath.add(doc, r.filepath());
      sourceFilename.add(doc, r.sourceLogFilename());
      cvmIp.add(doc, r.cvmIp());
      level.add(doc, (r.level() == null ? LogLevel.UNKNOWN : r.level()).name());
      chunk.add(doc, r.chunkId());
      String text = r.message() == null ? "" : r.message();
      message.setStringValue(text);
      doc.add(message);
      for (String ip : MessageIps.find(text)) doc.add(new StringField(IP, ip, Field.Store.NO));
      add(timePoint, r.timeMicros());
      add(time, r.timeMicros());
      if (r.timeText() != null) {
        timeText.setStringValue(r.timeText());
        doc.add(timeText);
      }
      add(line, r.lineNumber());
      if (r.pid() != null) {
        add(pidPoint, r.pid());
        add(pid, r.pid());
      }
      if (r.templateId() != 0) {
        add(templatePoint, r.templateId());
        add(template, r.templateId());
      }
      if (r.anomaly() != 0) doc.add(new StoredField(ANOMALY, r.anomaly()));
      return doc;
    }

    private void add(Field field, long value) {
      field.setLongValue(value);
      doc.add(field);
    }
  }

  /** A keyword's doc values and, when it is filtered on, its term. */
  private static final class Keyword {
    private final String name;
    private final boolean filtered;
    private final SortedDocValuesField values;
    private StringField term;
    private String last;

    Keyword(String name, boolean filtered) {
      this.name = name;
      this.filtered = filtered;
      this.values = new SortedDocValuesField(name, new BytesRef());
    }

    void add(Document doc, String value) {
      if (value == null) return;
      if (!value.equals(last)) { // most values repeat for a whole file: encode them once
        BytesRef bytes = new BytesRef(value);
        values.setBytesValue(bytes);
        if (filtered) term = new StringField(name, bytes, Field.Store.NO); // no setter when indexed
        last = value;
      }
      doc.add(values);
      if (filtered) doc.add(term);
    }
  }
}
