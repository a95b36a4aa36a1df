package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;

/**
 * glog: {@code W0618 04:28:05.875941  4401 file.cc:4017] msg} and the newer form with a year and
 * 'Z', {@code I20220318 12:33:24.851739Z 40435 init.cc:352] msg}. The third field is a thread
 * id, not a pid. Times are UTC; a year-less line takes its year from the {@link YearTracker}.
 */
final class GlogFormat implements LineFormat {
  private static final LogLevel[] LEVELS = new LogLevel[128];

  static {
    for (char c : "IWEF".toCharArray()) LEVELS[c] = LogLevel.normalize(String.valueOf(c));
  }

  private final YearTracker years;

  GlogFormat(YearTracker years) {
    this.years = years;
  }

  @Override
  public String firstChars() {
    return "IWEF";
  }

  @Override
  public Header parse(String s) {
    char first = Scan.at(s, 0);
    LogLevel level = first < 128 ? LEVELS[first] : null;
    if (level == null || !Scan.isDigit(Scan.at(s, 1))) return null;
    int year = -1;
    int p = 1;
    if (Scan.at(s, 9) == ' ') {
      year = Scan.num(s, 1, 4);
      p = 5;
      if (year < 0) return null;
    } else if (Scan.at(s, 5) != ' ') {
      return null;
    }
    int month = Scan.num(s, p, 2);
    int day = Scan.num(s, p + 2, 2);
    int t = p + 5;
    int hour = Scan.num(s, t, 2);
    int minute = Scan.num(s, t + 3, 2);
    int second = Scan.num(s, t + 6, 2);
    if (month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0
        || Scan.at(s, t + 2) != ':' || Scan.at(s, t + 5) != ':'
        || !Times.valid(year < 0 ? 2000 : year, month, day, hour, minute, second)) {
      return null;
    }
    int q = t + 8;
    int micros = 0;
    if (Scan.at(s, q) == '.') {
      int e = Scan.digitsEnd(s, q + 1);
      micros = Scan.micros(s, q + 1, e);
      q = e;
    }
    if (Scan.at(s, q) == 'Z') q++;
    int timeEnd = q;
    if (Scan.at(s, q) != ' ') return null;
    int thread = Scan.skip(s, q, ' ');
    int threadEnd = Scan.digitsEnd(s, thread);
    if (threadEnd == thread || Scan.at(s, threadEnd) != ' ') return null;
    int close = locationClose(s, Scan.skip(s, threadEnd, ' '));
    if (close < 0) return null;
    int y = year >= 0 ? year : years.yearFor(month);
    return new Header(
        Times.utcMicros(y, month, day, hour, minute, second, micros),
        s.substring(1, timeEnd),
        level,
        null,
        Scan.afterSpace(s, close + 1));
  }

  /** Index of the ']' closing a {@code file:line]} token at i, or -1. */
  private static int locationClose(String s, int i) {
    int close = i;
    while (close < s.length() && s.charAt(close) != ']') {
      if (s.charAt(close) == ' ') return -1;
      close++;
    }
    if (close == s.length()) return -1;
    int colon = close - 1;
    while (colon > i && Scan.isDigit(s.charAt(colon))) colon--;
    return colon > i && colon < close - 1 && s.charAt(colon) == ':' ? close : -1;
  }
}
