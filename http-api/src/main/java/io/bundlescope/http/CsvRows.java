package io.bundlescope.http;

import io.bundlescope.parsers.LogRecord;
import io.bundlescope.protocol.api.Micros;
import org.apache.pekko.util.ByteString;

/** Records as CSV rows (RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled). */
final class CsvRows {
  static final String[] COLUMNS = {"time", "log_level", "cvm_ip", "service", "pid", "filename", "filepath",
      "line_number", "id", "message"};

  private CsvRows() {}

  static ByteString header() {
    return ByteString.fromString(String.join(",", COLUMNS) + "\r\n");
  }

  static ByteString row(LogRecord r) {
    StringBuilder b = new StringBuilder(128 + (r.message() == null ? 0 : r.message().length()));
    Object[] values = {Micros.toInstant(r.timeMicros()), r.level().name(), r.cvmIp(), r.service(), r.pid(),
        r.filename(), r.filepath(), r.lineNumber(), r.id(), r.message()};
    for (int i = 0; i < values.length; i++) {
      if (i > 0) b.append(',');
      if (values[i] != null) field(b, values[i].toString());
    }
    return ByteString.fromString(b.append("\r\n").toString());
  }

  private static void field(StringBuilder b, String value) {
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0;
    if (!quote) {
      b.append(value);
      return;
    }
    b.append('"').append(value.replace("\"", "\"\"")).append('"');
  }
}
