package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;

/**
 * ZooKeeper: {@code 2021-01-08 11:17:02,875Z - INFO  [Thread-8:NIOServerCnxn@1027] - msg}, with
 * or without 'Z', and with the {@code [myid:1]} field of newer versions before the dash. UTC.
 */
final class ZooKeeperFormat implements LineFormat {
  private final IsoTime time = new IsoTime();

  @Override
  public String firstChars() {
    return DIGITS;
  }

  @Override
  public Header parse(String s) {
    if (!Scan.isDigit(Scan.at(s, 0)) || !time.scan(s, 0) || time.tSeparator) return null;
    int p = time.end;
    if (s.startsWith(" [myid:", p)) {
      p = s.indexOf(']', p) + 1;
      if (p == 0) return null;
    }
    if (!s.startsWith(" - ", p)) return null;
    int levelStart = p + 3;
    int levelEnd = Scan.upperEnd(s, levelStart);
    int open = Scan.skip(s, levelEnd, ' ');
    if (levelEnd == levelStart || open == levelEnd || Scan.at(s, open) != '[') return null;
    int close = s.indexOf("] - ", open);
    if (close < 0) return null;
    LogLevel level = Scan.level(s, levelStart, levelEnd);
    if (level == LogLevel.UNKNOWN) return null;
    return new Header(time.micros, s.substring(0, time.end), level, null, close + 4);
  }
}
