package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;

/**
 * HAProxy's traffic lines as they reach syslog ({@code haproxy[1234]: 10.0.0.1:5678
 * [09/Feb/2024:10:00:00.123] fe be/srv 0/0/1/2/3 200 512 - - ---- 1/1/0/0/0 0/0 "GET /x
 * HTTP/1.1"}). They carry no severity and their URLs and server names would trip the syslog
 * keyword table ({@code /api/error}, {@code be_fail}), so their level comes from the layout:
 * an HTTP log (five timers {@code TR/Tw/Tc/Tr/Ta}) is levelled by its status like an access log
 * (5xx ERROR, 4xx WARN, else INFO); a TCP log (three timers) or any other traffic line is INFO.
 * HAProxy's own messages ({@code Proxy fe started.}, {@code Server be/srv is DOWN...}) are not
 * traffic lines and keep the keyword table.
 */
final class HaproxyLog {
  private HaproxyLog() {}

  private static final String TAG = "haproxy";

  /** True when the tag ending with the colon at colon is {@code haproxy[pid]:} or {@code haproxy:}. */
  static boolean isTag(String s, int colon) {
    int start = colon;
    while (start > 0 && s.charAt(start - 1) != ' ') start--;
    char after = Scan.at(s, start + TAG.length());
    return s.startsWith(TAG, start) && (after == '[' || after == ':');
  }

  /**
   * The level of the traffic line whose content starts at from ({@code client:port [date] ...}),
   * or null when the content is not a traffic line.
   */
  static LogLevel level(String s, int from) {
    int p = Scan.afterSpace(s, from);
    int clientEnd = p;
    for (char c; (c = Scan.at(s, clientEnd)) != ' '; clientEnd++) {
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex && c != '.' && c != ':' && c != '[' && c != ']') return null;
    }
    int date = clientEnd + 2;
    if (clientEnd == p || Scan.at(s, clientEnd + 1) != '[' || Scan.num(s, date, 2) < 0
        || Scan.at(s, date + 2) != '/' || Scan.month(s, date + 3) == 0
        || Scan.at(s, date + 6) != '/' || Scan.at(s, date + 11) != ':') {
      return null;
    }
    int close = s.indexOf("] ", date);
    if (close < 0) return LogLevel.INFO;
    int token = close + 2;
    for (int field = 0; field < 2; field++) { // frontend, backend/server
      token = Scan.skip(s, Scan.tokenEnd(s, token), ' ');
    }
    int timersEnd = Scan.tokenEnd(s, token);
    int slashes = 0;
    for (int k = token; k < timersEnd; k++) {
      if (s.charAt(k) == '/') slashes++;
    }
    if (slashes != 4 || Scan.at(s, timersEnd) != ' ') return LogLevel.INFO;
    int status = Scan.num(s, timersEnd + 1, 3);
    char after = Scan.at(s, timersEnd + 4);
    if (status < 100 || (after != ' ' && after != '\0')) return LogLevel.INFO;
    return status >= 500 ? LogLevel.ERROR : status >= 400 ? LogLevel.WARN : LogLevel.INFO;
  }
}
