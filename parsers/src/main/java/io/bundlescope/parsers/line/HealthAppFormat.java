package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;
import java.time.ZoneId;

/**
 * The Android health app's log (loghub {@code HealthApp}):
 * {@code 20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579}: local time
 * {@code yyyyMMdd-H:m:s:S} whose hour, minute and second need not be zero-padded and whose last
 * field is milliseconds (1 to 3 digits, {@code :11} is 11 ms), component, pid, message. The
 * lines carry no severity: level UNKNOWN. Time in the file's zone.
 */
final class HealthAppFormat implements LineFormat {
  private final ZoneClock clock;

  HealthAppFormat(ZoneId zone) {
    this.clock = new ZoneClock(zone);
  }

  @Override
  public String firstChars() {
    return DIGITS;
  }

  @Override
  public Header parse(String s) {
    if (!Scan.isDigit(Scan.at(s, 0)) || Scan.at(s, 8) != '-') return null;
    int year = Scan.num(s, 0, 4);
    int month = Scan.num(s, 4, 2);
    int day = Scan.num(s, 6, 2);
    if (year < 0 || month < 0 || day < 0) return null;
    int p = 9;
    int hour = -1;
    int minute = -1;
    int second = -1;
    int millis = -1;
    for (int field = 0; field < 4; field++) {
      int end = Scan.digitsEnd(s, p);
      int v = Scan.shortNum(s, p, end, field == 3 ? 3 : 2);
      if (v < 0 || Scan.at(s, end) != (field == 3 ? '|' : ':')) return null;
      switch (field) {
        case 0 -> hour = v;
        case 1 -> minute = v;
        case 2 -> second = v;
        default -> millis = v;
      }
      p = end + 1;
    }
    if (!Times.valid(year, month, day, hour, minute, second)) return null;
    int timeEnd = p - 1;
    int componentEnd = p;
    for (char c; (c = Scan.at(s, componentEnd)) != '|'; componentEnd++) {
      if (c == '\0') return null;
    }
    int pid = componentEnd + 1;
    int pidEnd = Scan.digitsEnd(s, pid);
    if (componentEnd == p || pidEnd == pid || pidEnd - pid > 18 || Scan.at(s, pidEnd) != '|') {
      return null;
    }
    return new Header(clock.micros(year, month, day, hour, minute, second, millis * 1000),
        s.substring(0, timeEnd), LogLevel.UNKNOWN, Long.parseLong(s, pid, pidEnd, 10), pidEnd + 1);
  }
}
