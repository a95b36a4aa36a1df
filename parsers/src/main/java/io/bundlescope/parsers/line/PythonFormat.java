package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;

/**
 * The Python services' format: {@code 2020-12-11 12:29:28,713 INFO 28611728 file.py:89 msg},
 * with 'Z' after the time in newer files, the thread field optional and the milliseconds absent
 * in older ones. The source token must end in {@code .py:<line>}, which tells these lines apart
 * from generic ones. Times without 'Z' are UTC too.
 */
final class PythonFormat implements LineFormat {
  private final IsoTime time = new IsoTime();

  @Override
  public String firstChars() {
    return DIGITS;
  }

  @Override
  public Header parse(String s) {
    if (!Scan.isDigit(Scan.at(s, 0)) || !time.scan(s, 0) || time.tSeparator) return null;
    int levelStart = time.end + 1;
    int levelEnd = Scan.upperEnd(s, levelStart);
    if (Scan.at(s, time.end) != ' ' || levelEnd == levelStart || Scan.at(s, levelEnd) != ' ') {
      return null;
    }
    int source = Scan.skip(s, levelEnd, ' ');
    int threadEnd = Scan.digitsEnd(s, source);
    if (threadEnd > source && Scan.at(s, threadEnd) == ' ') source = Scan.skip(s, threadEnd, ' ');
    int sourceEnd = Scan.sourceEnd(s, source, ".py");
    if (sourceEnd < 0) return null;
    LogLevel level = Scan.level(s, levelStart, levelEnd);
    if (level == LogLevel.UNKNOWN) return null;
    return new Header(
        time.micros, s.substring(0, time.end), level, null, Scan.afterSpace(s, sourceEnd));
  }
}
