package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;
import java.time.ZoneId;

/**
 * Hadoop 0.x HDFS daemons as in the loghub {@code HDFS} set:
 * {@code 081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block ...}:
 * {@code yyMMdd HHmmss}, a number (a thread id, not the process id, so not reported as pid),
 * level, logger and the message after {@code logger: }. Years are 20yy; local time in the
 * file's zone. Levels as log4j's (per {@link io.bundlescope.parsers.LogLevel#normalize}).
 */
final class HdfsFormat implements LineFormat {
  private final ZoneClock clock;

  HdfsFormat(ZoneId zone) {
    this.clock = new ZoneClock(zone);
  }

  @Override
  public String firstChars() {
    return DIGITS;
  }

  @Override
  public Header parse(String s) {
    if (!Scan.isDigit(Scan.at(s, 0)) || Scan.at(s, 6) != ' ' || Scan.at(s, 13) != ' ') return null;
    int year = Scan.num(s, 0, 2);
    int month = Scan.num(s, 2, 2);
    int day = Scan.num(s, 4, 2);
    int hour = Scan.num(s, 7, 2);
    int minute = Scan.num(s, 9, 2);
    int second = Scan.num(s, 11, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0
        || !Times.valid(2000 + year, month, day, hour, minute, second)) {
      return null;
    }
    int idEnd = Scan.digitsEnd(s, 14);
    int levelStart = idEnd + 1;
    int levelEnd = Scan.upperEnd(s, levelStart);
    if (idEnd == 14 || Scan.at(s, idEnd) != ' ' || levelEnd == levelStart) return null;
    char after = Scan.at(s, levelEnd);
    if (after != ' ' && after != '\0') return null;
    LogLevel level = Scan.level(s, levelStart, levelEnd);
    if (level == LogLevel.UNKNOWN) return null;
    return new Header(clock.micros(2000 + year, month, day, hour, minute, second, 0),
        s.substring(0, 13), level, null, Log4jLogger.messageStart(s, Scan.afterSpace(s, levelEnd)));
  }
}
