package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;

/**
 * What the header of a record-starting line says.
 *
 * @param timeMicros UTC time in microseconds since the epoch
 * @param timeText the time exactly as written in the line
 * @param level normalized severity
 * @param pid process id written in the line (syslog {@code prog[pid]:}), else null
 * @param messageStart index in the line where the message (the text after the header) begins;
 *     the line's length when {@code message} is set
 * @param message the record's first message line when it is not a suffix of the line (logfmt
 *     and JSON lines, whose message is rebuilt from their fields), else null
 * @param levelOnNextLine the level is written on the record's second line, not on this one
 *     (java.util.logging's two-line records: {@code INFO: text}); until that line is read,
 *     {@code level} is UNKNOWN. See {@link HeaderParser#withNextLine}.
 */
public record Header(
    long timeMicros,
    String timeText,
    LogLevel level,
    Long pid,
    int messageStart,
    String message,
    boolean levelOnNextLine) {

  /** A header whose message is the line from messageStart on, level on this line. */
  public Header(long timeMicros, String timeText, LogLevel level, Long pid, int messageStart) {
    this(timeMicros, timeText, level, pid, messageStart, null, false);
  }

  /** A header whose message is rebuilt text rather than a suffix of line. */
  static Header rebuilt(long timeMicros, String timeText, LogLevel level, Long pid, String line,
      String message) {
    return new Header(timeMicros, timeText, level, pid, line.length(), message, false);
  }

  /** This header with the level set and no level pending. */
  Header withLevel(LogLevel newLevel) {
    return new Header(timeMicros, timeText, newLevel, pid, messageStart, message, false);
  }
}
