package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;

/**
 * log4j as the Java gateway writes it: {@code ERROR 2017-03-13 19:25:31,265 <thread> [<mdc>]
 * pkg.Class.method:140 msg}. The message starts after the first {@code name:<line>} token among
 * the first {@link #MAX_TOKENS} tokens after the time, else right after the time. UTC.
 */
final class Log4jFormat implements LineFormat {
  static final int MAX_TOKENS = 4;

  private final IsoTime time = new IsoTime();

  @Override
  public String firstChars() {
    return UPPER;
  }

  @Override
  public Header parse(String s) {
    int levelEnd = Scan.upperEnd(s, 0);
    if (levelEnd < 4 || Scan.at(s, levelEnd) != ' ') return null;
    int start = Scan.skip(s, levelEnd, ' ');
    if (!Scan.isDigit(Scan.at(s, start)) || !time.scan(s, start) || time.tSeparator) return null;
    char after = Scan.at(s, time.end);
    if (after != ' ' && time.end < s.length()) return null;
    LogLevel level = Scan.level(s, 0, levelEnd);
    if (level == LogLevel.UNKNOWN) return null;
    int messageStart = Scan.afterSpace(s, time.end);
    int token = messageStart;
    for (int k = 0; k < MAX_TOKENS && token < s.length(); k++) {
      int sourceEnd = Scan.sourceEnd(s, token, "");
      if (sourceEnd >= 0) {
        messageStart = Scan.afterSpace(s, sourceEnd);
        break;
      }
      token = Scan.skip(s, Scan.tokenEnd(s, token), ' ');
    }
    return new Header(time.micros, s.substring(start, time.end), level, null, messageStart);
  }
}
