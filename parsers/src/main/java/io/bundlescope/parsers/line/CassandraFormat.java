package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;

/**
 * Cassandra's {@code system.log}: {@code INFO [FlushWriter:519] 2017-12-31 12:13:39,484
 * Memtable.java (line 337) msg}, and the newer {@code INFO  [main] 2017-... Memtable.java:337 -
 * msg}. The message starts after the source location when it has one of these two shapes,
 * else right after the time. UTC.
 */
final class CassandraFormat implements LineFormat {
  private final IsoTime time = new IsoTime();

  @Override
  public String firstChars() {
    return UPPER;
  }

  @Override
  public Header parse(String s) {
    int levelEnd = Scan.upperEnd(s, 0);
    if (levelEnd < 4 || Scan.at(s, levelEnd) != ' ') return null;
    int open = Scan.skip(s, levelEnd, ' ');
    if (Scan.at(s, open) != '[') return null;
    int close = s.indexOf("] ", open);
    while (close >= 0 && !Scan.isDigit(Scan.at(s, close + 2))) close = s.indexOf("] ", close + 1);
    if (close < 0) return null;
    int start = close + 2;
    if (!time.scan(s, start) || time.tSeparator) return null;
    LogLevel level = Scan.level(s, 0, levelEnd);
    if (level == LogLevel.UNKNOWN) return null;
    return new Header(
        time.micros, s.substring(start, time.end), level, null, messageStart(s, time.end));
  }

  private static int messageStart(String s, int timeEnd) {
    int source = Scan.afterSpace(s, timeEnd);
    int end = Scan.tokenEnd(s, source);
    if (s.startsWith(" (line ", end)) {
      int digitsEnd = Scan.digitsEnd(s, end + 7);
      if (digitsEnd > end + 7 && Scan.at(s, digitsEnd) == ')') {
        return Scan.afterSpace(s, digitsEnd + 1);
      }
    }
    if (Scan.sourceEnd(s, source, "") == end && s.startsWith(" - ", end)) return end + 3;
    return source;
  }
}
