package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;
import java.time.ZoneId;

/**
 * samba's debug log ({@code log.smbd}, {@code log.winbindd}...):
 * {@code [2020/12/01 17:10:58.839972,  2, pid=25838, class=winbind]
 * ../source3/winbindd/winbindd_util.c:317(add_trusted_domain_from_tdc)}, the message itself on
 * the following indented line(s), which are folded in as continuation lines. The bracket may
 * also be just {@code [2013/05/07 13:25:15,  0]} or carry {@code effective(0, 0), real(0, 0)}.
 * Local time in the file's zone; pid from {@code pid=}.
 *
 * <table>
 *   <caption>samba debug level to level</caption>
 *   <tr><th>debug level</th><th>level</th><th>what samba logs there</th></tr>
 *   <tr><td>0</td><td>ERROR</td><td>errors and always-shown messages</td></tr>
 *   <tr><td>1</td><td>WARN</td><td>warnings, important events</td></tr>
 *   <tr><td>2, 3</td><td>INFO</td><td>notices, normal operation</td></tr>
 *   <tr><td>4 and above</td><td>DEBUG</td><td>debugging detail</td></tr>
 * </table>
 */
final class SambaFormat implements LineFormat {
  private final ZoneClock clock;

  SambaFormat(ZoneId zone) {
    this.clock = new ZoneClock(zone);
  }

  @Override
  public String firstChars() {
    return "[";
  }

  @Override
  public Header parse(String s) {
    if (Scan.at(s, 0) != '[' || !Scan.isDigit(Scan.at(s, 1)) || Scan.at(s, 5) != '/'
        || Scan.at(s, 8) != '/' || Scan.at(s, 11) != ' ' || Scan.at(s, 14) != ':'
        || Scan.at(s, 17) != ':') {
      return null;
    }
    int year = Scan.num(s, 1, 4);
    int month = Scan.num(s, 6, 2);
    int day = Scan.num(s, 9, 2);
    int hour = Scan.num(s, 12, 2);
    int minute = Scan.num(s, 15, 2);
    int second = Scan.num(s, 18, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0
        || !Times.valid(year, month, day, hour, minute, second)) {
      return null;
    }
    int p = 20;
    int micros = 0;
    if (Scan.at(s, p) == '.') {
      int e = Scan.digitsEnd(s, p + 1);
      micros = Scan.micros(s, p + 1, e);
      p = e;
    }
    int timeEnd = p;
    if (Scan.at(s, p) != ',') return null;
    int debug = Scan.skip(s, p + 1, ' ');
    int debugEnd = Scan.digitsEnd(s, debug);
    char after = Scan.at(s, debugEnd);
    if (debugEnd == debug || debugEnd - debug > 3 || (after != ',' && after != ']')) return null;
    int close = s.indexOf(']', debugEnd);
    if (close < 0) return null;
    Long pid = null;
    int key = s.indexOf("pid=", debugEnd);
    if (key > 0 && key < close) {
      int pidEnd = Scan.digitsEnd(s, key + 4);
      if (pidEnd > key + 4 && pidEnd - key - 4 <= 18) pid = Long.parseLong(s, key + 4, pidEnd, 10);
    }
    return new Header(clock.micros(year, month, day, hour, minute, second, micros),
        s.substring(1, timeEnd), level(Scan.num(s, debug, debugEnd - debug)), pid,
        Scan.afterSpace(s, close + 1));
  }

  /** The level of a samba debug level, per the table above. */
  static LogLevel level(int debug) {
    return debug == 0 ? LogLevel.ERROR
        : debug == 1 ? LogLevel.WARN
        : debug <= 3 ? LogLevel.INFO
        : LogLevel.DEBUG;
  }
}
