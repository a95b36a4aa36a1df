package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;
import java.time.ZoneId;

/**
 * Tomcat's {@code catalina.out} / {@code catalina.<date>.log}, and any java.util.logging
 * output, in two layouts:
 *
 * <ul>
 *   <li>JUL's SimpleFormatter, two lines per record: {@code Jul 20, 2018 4:28:11 AM
 *       org.apache.catalina.core.StandardService startInternal} then {@code INFO: Starting
 *       service [Catalina]}. The first line starts the record with level UNKNOWN and
 *       {@link Header#levelOnNextLine}; the second line is folded into the message as usual and
 *       its {@code LEVEL:} prefix gives the level ({@link #nextLineLevel}).
 *   <li>Tomcat's OneLineFormatter (8.5 and later): {@code 20-Jul-2018 04:28:11.123 INFO [main]
 *       org.apache.catalina.startup.VersionLoggerListener.log Server version: ...}; the message
 *       starts after the thread.
 * </ul>
 *
 * English month names only; local time in the file's zone. Levels (JUL names):
 * {@code SEVERE} ERROR (Tomcat logs every error, recoverable or not, as SEVERE), {@code WARNING}
 * WARN, {@code INFO}, {@code CONFIG} and {@code FINE} DEBUG, {@code FINER} and {@code FINEST}
 * TRACE.
 */
final class CatalinaFormat implements LineFormat {
  private static final String[] WORDS =
      {"SEVERE", "WARNING", "INFO", "CONFIG", "FINE", "FINER", "FINEST"};
  private static final LogLevel[] LEVELS = {LogLevel.ERROR, LogLevel.WARN, LogLevel.INFO,
    LogLevel.DEBUG, LogLevel.DEBUG, LogLevel.TRACE, LogLevel.TRACE};

  private final ZoneClock clock;

  CatalinaFormat(ZoneId zone) {
    this.clock = new ZoneClock(zone);
  }

  @Override
  public String firstChars() {
    return DIGITS + MONTH_INITIALS;
  }

  @Override
  public Header parse(String s) {
    return Scan.isDigit(Scan.at(s, 0)) ? oneLine(s) : twoLine(s);
  }

  /** The level named by a record's second line {@code LEVEL: text}, else UNKNOWN. */
  static LogLevel nextLineLevel(String line) {
    int end = Scan.upperEnd(line, 0);
    int k = Scan.word(line, 0, end, WORDS);
    return k >= 0 && Scan.at(line, end) == ':' ? LEVELS[k] : LogLevel.UNKNOWN;
  }

  /** {@code Jul 20, 2018 4:28:11 AM source method}. */
  private Header twoLine(String s) {
    int month = Scan.month(s, 0);
    if (month == 0 || Scan.at(s, 3) != ' ') return null;
    int dayEnd = Scan.digitsEnd(s, 4);
    int day = Scan.shortNum(s, 4, dayEnd, 2);
    if (day < 0 || Scan.at(s, dayEnd) != ',' || Scan.at(s, dayEnd + 1) != ' ') return null;
    int y = dayEnd + 2;
    int year = Scan.num(s, y, 4);
    int h = y + 5;
    int hourEnd = Scan.digitsEnd(s, h);
    int hour = Scan.shortNum(s, h, hourEnd, 2);
    if (year < 0 || Scan.at(s, y + 4) != ' ' || hour < 1 || hour > 12
        || Scan.at(s, hourEnd) != ':' || Scan.at(s, hourEnd + 3) != ':'
        || Scan.at(s, hourEnd + 6) != ' ') {
      return null;
    }
    int minute = Scan.num(s, hourEnd + 1, 2);
    int second = Scan.num(s, hourEnd + 4, 2);
    int ampm = hourEnd + 7;
    char half = Scan.at(s, ampm);
    char after = Scan.at(s, ampm + 2);
    if ((half != 'A' && half != 'P') || Scan.at(s, ampm + 1) != 'M' || (after != ' ' && after != '\0')) {
      return null;
    }
    int hour24 = hour % 12 + (half == 'P' ? 12 : 0);
    if (minute < 0 || second < 0 || !Times.valid(year, month, day, hour24, minute, second)) {
      return null;
    }
    return new Header(clock.micros(year, month, day, hour24, minute, second, 0),
        s.substring(0, ampm + 2), LogLevel.UNKNOWN, null, Scan.afterSpace(s, ampm + 2), null, true);
  }

  /** {@code 20-Jul-2018 04:28:11.123 INFO [main] source msg}. */
  private Header oneLine(String s) {
    if (Scan.at(s, 2) != '-' || Scan.at(s, 6) != '-' || Scan.at(s, 11) != ' '
        || Scan.at(s, 14) != ':' || Scan.at(s, 17) != ':') {
      return null;
    }
    int day = Scan.num(s, 0, 2);
    int month = Scan.month(s, 3);
    int year = Scan.num(s, 7, 4);
    int hour = Scan.num(s, 12, 2);
    int minute = Scan.num(s, 15, 2);
    int second = Scan.num(s, 18, 2);
    if (day < 0 || month == 0 || year < 0 || hour < 0 || minute < 0 || second < 0
        || !Times.valid(year, month, day, hour, minute, second)) {
      return null;
    }
    int p = 20;
    int micros = 0;
    if (Scan.at(s, p) == '.') {
      int e = Scan.digitsEnd(s, p + 1);
      micros = Scan.micros(s, p + 1, e);
      p = e;
    }
    int timeEnd = p;
    int levelEnd = Scan.upperEnd(s, p + 1);
    int k = Scan.word(s, p + 1, levelEnd, WORDS);
    if (Scan.at(s, p) != ' ' || k < 0 || Scan.at(s, levelEnd) != ' '
        || Scan.at(s, levelEnd + 1) != '[') {
      return null;
    }
    int close = s.indexOf("] ", levelEnd + 2);
    int message = close < 0 ? s.length() : close + 2;
    if (close < 0 && !s.endsWith("]")) return null;
    return new Header(clock.micros(year, month, day, hour, minute, second, micros),
        s.substring(0, timeEnd), LEVELS[k], null, message);
  }
}
