package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;
import java.time.ZoneId;

/**
 * Spark's default log4j layout ({@code %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n}), as in the
 * loghub {@code Spark} set: {@code 17/06/09 20:10:40 INFO executor.CoarseGrainedExecutorBackend:
 * Registered signal handlers for [TERM, HUP, INT]}. Years are 20yy; local time in the file's
 * zone; the message starts after {@code logger: }.
 */
final class SparkFormat implements LineFormat {
  private final ZoneClock clock;

  SparkFormat(ZoneId zone) {
    this.clock = new ZoneClock(zone);
  }

  @Override
  public String firstChars() {
    return DIGITS;
  }

  @Override
  public Header parse(String s) {
    if (!Scan.isDigit(Scan.at(s, 0)) || Scan.at(s, 2) != '/' || Scan.at(s, 5) != '/'
        || Scan.at(s, 8) != ' ' || Scan.at(s, 11) != ':' || Scan.at(s, 14) != ':'
        || Scan.at(s, 17) != ' ') {
      return null;
    }
    int year = Scan.num(s, 0, 2);
    int month = Scan.num(s, 3, 2);
    int day = Scan.num(s, 6, 2);
    int hour = Scan.num(s, 9, 2);
    int minute = Scan.num(s, 12, 2);
    int second = Scan.num(s, 15, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0
        || !Times.valid(2000 + year, month, day, hour, minute, second)) {
      return null;
    }
    int levelEnd = Scan.upperEnd(s, 18);
    char after = Scan.at(s, levelEnd);
    if (levelEnd == 18 || (after != ' ' && after != '\0')) return null;
    LogLevel level = Scan.level(s, 18, levelEnd);
    if (level == LogLevel.UNKNOWN) return null;
    return new Header(clock.micros(2000 + year, month, day, hour, minute, second, 0),
        s.substring(0, 17), level, null, Log4jLogger.messageStart(s, Scan.afterSpace(s, levelEnd)));
  }
}
