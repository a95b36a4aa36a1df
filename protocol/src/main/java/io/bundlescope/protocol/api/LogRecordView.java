package io.bundlescope.protocol.api;

import io.bundlescope.parsers.LogRecord;
import java.time.Instant;
import java.util.List;

/**
 * A record as the API shows it: the seed's index columns, time as ISO-8601 UTC, the id of its
 * message template on its node (null when none was assigned), and the anomaly score of its
 * (template, node) pair in its bundle with the reasons (0 and none until the bundle is scored).
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
    String message,
    List<Reason> anomalyReasons) {

  /** Why a record's (template, node) pair scored: rare, new, burst or one_node. */
  public record Reason(String kind, String detail, double contribution) {}

  /** A view without anomaly reasons. */
  public LogRecordView(String id, String logBundleId, Instant time, String timeText, String logLevel, String service,
      String filenameWithoutExt, String cvmIp, Long pid, String filename, String filepath, String sourceLogFilename,
      long lineNumber, double anomaly, Long templateId, String message) {
    this(id, logBundleId, time, timeText, logLevel, service, filenameWithoutExt, cvmIp, pid, filename, filepath,
        sourceLogFilename, lineNumber, anomaly, templateId, message, List.of());
  }

  /** The same record with this anomaly score and reasons. */
  public LogRecordView withAnomaly(double score, List<Reason> reasons) {
    return new LogRecordView(id, logBundleId, time, timeText, logLevel, service, filenameWithoutExt, cvmIp, pid,
        filename, filepath, sourceLogFilename, lineNumber, score, templateId, message, List.copyOf(reasons));
  }

  public static LogRecordView of(LogRecord r) {
    return new LogRecordView(r.id(), r.logBundleId(), Micros.toInstant(r.timeMicros()), r.timeText(), r.level().name(), r.service(),
        r.filenameWithoutExt(), r.cvmIp(), r.pid(), r.filename(), r.filepath(), r.sourceLogFilename(),
        r.lineNumber(), r.anomaly(), r.templateId() == 0 ? null : r.templateId(), r.message());
  }
}
