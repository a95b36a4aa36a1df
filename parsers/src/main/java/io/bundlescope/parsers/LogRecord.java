package io.bundlescope.parsers;

/**
 * One log record: a line that starts a record plus the continuation lines folded into it
 * (stack traces, tracebacks). Field names follow the seed's index columns.
 *
 * @param id stable identifier: the same bundle, file and line always give the same id
 * @param logBundleId the bundle the record came from
 * @param message the record text after the header (continuation lines joined with '\n')
 * @param service the service's file stem (= filename_without_ext), e.g. {@code stargate}
 * @param filename the file's base name, e.g. {@code stargate.INFO.20190618-053640.3103.gz}
 * @param filepath path inside the bundle, nested archives included, '/'-separated
 * @param timeMicros UTC time in microseconds since the epoch
 * @param timeText the time exactly as written in the line
 * @param level normalized severity
 * @param sourceLogFilename the file the record was read from, decompressed name
 * @param pid process id where known (glog: from the file name), else null
 * @param cvmIp the node's IP taken from the bundle path, or null when unknown
 * @param anomaly anomaly score, 0 until an analyzer sets it
 * @param lineNumber first line of the record in its decompressed file, from 1
 * @param chunkId the ingest chunk that produced the record (used to undo a partial chunk)
 * @param templateId the id of the record's message template on its node (0: none assigned)
 */
public record LogRecord(
    String id,
    String logBundleId,
    String message,
    String service,
    String filename,
    String filepath,
    long timeMicros,
    String timeText,
    LogLevel level,
    String sourceLogFilename,
    Long pid,
    String cvmIp,
    double anomaly,
    long lineNumber,
    String chunkId,
    long templateId) {

  /** A record without a template id yet (the parsers' view: templates are mined later). */
  public LogRecord(String id, String logBundleId, String message, String service, String filename,
      String filepath, long timeMicros, String timeText, LogLevel level, String sourceLogFilename,
      Long pid, String cvmIp, double anomaly, long lineNumber, String chunkId) {
    this(id, logBundleId, message, service, filename, filepath, timeMicros, timeText, level,
        sourceLogFilename, pid, cvmIp, anomaly, lineNumber, chunkId, 0);
  }

  /** The same record with this template id. */
  public LogRecord withTemplateId(long template) {
    return new LogRecord(id, logBundleId, message, service, filename, filepath, timeMicros, timeText,
        level, sourceLogFilename, pid, cvmIp, anomaly, lineNumber, chunkId, template);
  }

  /** The seed's column name for {@link #service}. */
  public String filenameWithoutExt() {
    return service;
  }
}
