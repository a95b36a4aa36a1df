package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;
import java.time.ZoneId;

/**
 * NGINX's error log: {@code 2019/12/12 18:47:06 [error] 1234#1234: *1 connect() failed (111:
 * Connection refused) while connecting to upstream, client: 10.0.0.1, ...}: local time (the
 * file's zone), level in brackets, {@code pid#tid:}, message. Levels: {@code emerg},
 * {@code alert}, {@code crit} FATAL, {@code error}, {@code warn}, {@code notice} and
 * {@code info} INFO, {@code debug}.
 */
final class NginxErrorFormat implements LineFormat {
  private static final String[] WORDS =
      {"emerg", "alert", "crit", "error", "warn", "notice", "info", "debug"};
  private static final LogLevel[] LEVELS = {LogLevel.FATAL, LogLevel.FATAL, LogLevel.FATAL,
    LogLevel.ERROR, LogLevel.WARN, LogLevel.INFO, LogLevel.INFO, LogLevel.DEBUG};

  private final ZoneClock clock;

  NginxErrorFormat(ZoneId zone) {
    this.clock = new ZoneClock(zone);
  }

  @Override
  public String firstChars() {
    return DIGITS;
  }

  @Override
  public Header parse(String s) {
    if (!Scan.isDigit(Scan.at(s, 0)) || Scan.at(s, 4) != '/' || Scan.at(s, 7) != '/'
        || Scan.at(s, 10) != ' ' || Scan.at(s, 13) != ':' || Scan.at(s, 16) != ':'
        || Scan.at(s, 19) != ' ' || Scan.at(s, 20) != '[') {
      return null;
    }
    int year = Scan.num(s, 0, 4);
    int month = Scan.num(s, 5, 2);
    int day = Scan.num(s, 8, 2);
    int hour = Scan.num(s, 11, 2);
    int minute = Scan.num(s, 14, 2);
    int second = Scan.num(s, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0
        || !Times.valid(year, month, day, hour, minute, second)) {
      return null;
    }
    int wordEnd = Scan.lowerEnd(s, 21);
    int k = Scan.word(s, 21, wordEnd, WORDS);
    if (k < 0 || Scan.at(s, wordEnd) != ']' || Scan.at(s, wordEnd + 1) != ' ') return null;
    int pid = wordEnd + 2;
    int pidEnd = Scan.digitsEnd(s, pid);
    if (pidEnd == pid || pidEnd - pid > 18 || Scan.at(s, pidEnd) != '#') return null;
    int tidEnd = Scan.digitsEnd(s, pidEnd + 1);
    if (tidEnd == pidEnd + 1 || Scan.at(s, tidEnd) != ':') return null;
    return new Header(clock.micros(year, month, day, hour, minute, second, 0), s.substring(0, 19),
        LEVELS[k], Long.parseLong(s, pid, pidEnd, 10), Scan.afterSpace(s, tidEnd + 1));
  }
}
