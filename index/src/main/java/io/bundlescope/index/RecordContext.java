package io.bundlescope.index;

import io.bundlescope.parsers.LogRecord;
import java.util.List;

/**
 * A record among its neighbours in its original file, ordered by line number.
 *
 * @param records up to {@code before} records, the record itself, up to {@code after} records
 * @param targetIndex where the record itself is in {@code records}
 */
public record RecordContext(List<LogRecord> records, int targetIndex) {

  public LogRecord target() {
    return records.get(targetIndex);
  }
}
