package io.bundlescope.protocol.api;

import io.bundlescope.parsers.LogRecord;
import java.time.Instant;

/**
 * A record as the API shows it: the seed's index columns, time as ISO-8601 UTC, and the id of
 * its message template on its node (null when none was assigned).
 */
public record LogRecordView(
    String id,
    String logBundleId,
    Instant time,
    String timeText,
    String logLevel,
    String service,
    String filenameWithoutExt,
    String cvmIp,
    Long pid,
    String filename,
    String filepath,
    String sourceLogFilename,
    long lineNumber,
    double anomaly,
    Long templateId,
    String message) {

  public static LogRecordView of(LogRecord r) {
    return new LogRecordView(r.id(), r.logBundleId(), Micros.toInstant(r.timeMicros()), r.timeText(), r.level().name(), r.service(),
        r.filenameWithoutExt(), r.cvmIp(), r.pid(), r.filename(), r.filepath(), r.sourceLogFilename(),
        r.lineNumber(), r.anomaly(), r.templateId() == 0 ? null : r.templateId(), r.message());
  }
}
