package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;
import java.time.ZoneId;

/**
 * Apache httpd's error log: 2.2's {@code [Sun Dec 04 04:47:44 2005] [notice] msg} and 2.4's
 * {@code [Wed Oct 11 14:32:52.123456 2000] [core:error] [pid 35708:tid 4328636416] [client
 * 72.15.99.187:5678] AH00128: File does not exist}. Level: the word of the second bracket
 * (after the module in 2.4): {@code emerg}, {@code alert}, {@code crit} FATAL, {@code error},
 * {@code warn}, {@code notice} and {@code info} INFO, {@code debug}, {@code trace1..8} TRACE.
 * The pid comes from {@code [pid N]}; the message starts after it (the client field stays in
 * the message). Local time in the file's zone.
 */
final class ApacheErrorFormat implements LineFormat {
  private static final String[] WORDS =
      {"emerg", "alert", "crit", "error", "warn", "notice", "info", "debug", "trace"};
  private static final LogLevel[] LEVELS = {LogLevel.FATAL, LogLevel.FATAL, LogLevel.FATAL,
    LogLevel.ERROR, LogLevel.WARN, LogLevel.INFO, LogLevel.INFO, LogLevel.DEBUG, LogLevel.TRACE};

  private final ZoneClock clock;

  ApacheErrorFormat(ZoneId zone) {
    this.clock = new ZoneClock(zone);
  }

  @Override
  public String firstChars() {
    return "[";
  }

  @Override
  public Header parse(String s) {
    char c = Scan.at(s, 1);
    if (Scan.at(s, 0) != '[' || c < 'A' || c > 'Z' || Scan.at(s, 4) != ' ' || Scan.at(s, 8) != ' ') {
      return null;
    }
    int month = Scan.month(s, 5);
    int day = Scan.at(s, 9) == ' ' ? Scan.num(s, 10, 1) : Scan.num(s, 9, 2);
    int hour = Scan.num(s, 12, 2);
    int minute = Scan.num(s, 15, 2);
    int second = Scan.num(s, 18, 2);
    if (month == 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || Scan.at(s, 11) != ' '
        || Scan.at(s, 14) != ':' || Scan.at(s, 17) != ':') {
      return null;
    }
    int p = 20;
    int micros = 0;
    if (Scan.at(s, p) == '.') {
      int e = Scan.digitsEnd(s, p + 1);
      micros = Scan.micros(s, p + 1, e);
      p = e;
    }
    int year = Scan.num(s, p + 1, 4);
    if (Scan.at(s, p) != ' ' || year < 0 || Scan.at(s, p + 5) != ']'
        || !Times.valid(year, month, day, hour, minute, second)
        || Scan.at(s, p + 6) != ' ' || Scan.at(s, p + 7) != '[') {
      return null;
    }
    int timeEnd = p + 5;
    int word = p + 8;
    int close = word;
    for (char k; (k = Scan.at(s, close)) != ']'; close++) {
      if (k == ':') word = close + 1;
      else if (k == ' ' || k == '\0') return null;
    }
    int wordEnd = Scan.lowerEnd(s, word);
    int k = Scan.word(s, word, wordEnd, WORDS);
    if (k < 0 || (wordEnd != close && !(k == 8 && Scan.digitsEnd(s, wordEnd) == close))) return null;
    int message = Scan.afterSpace(s, close + 1);
    Long pid = null;
    if (s.startsWith("[pid ", message)) {
      int digits = message + 5;
      int digitsEnd = Scan.digitsEnd(s, digits);
      int pidClose = s.indexOf(']', digitsEnd);
      if (digitsEnd > digits && digitsEnd - digits <= 18 && pidClose > 0) {
        pid = Long.parseLong(s, digits, digitsEnd, 10);
        message = Scan.afterSpace(s, pidClose + 1);
      }
    }
    return new Header(clock.micros(year, month, day, hour, minute, second, micros),
        s.substring(1, timeEnd), LEVELS[k], pid, message);
  }
}
