package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;

/**
 * Web server and proxy access logs in the Common / Combined Log Format (Apache httpd, NGINX,
 * many others): {@code 127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif
 * HTTP/1.0" 200 2326 "-" "Mozilla/4.08"}, optionally led by a {@code vhost:port} token. The
 * ident field must be {@code -} (it always is in practice), which lets a line be rejected after
 * its first token. The offset is honoured.
 *
 * <p>Level from the status: 5xx ERROR, 4xx WARN, anything else (or no readable status) INFO.
 * The message is the line without its {@code [time]} field: {@code 127.0.0.1 - frank "GET
 * /apache_pb.gif HTTP/1.0" 200 2326 "-" "Mozilla/4.08"}.
 */
final class AccessLogFormat implements LineFormat {
  /** Longest host (or vhost:port) token considered: a DNS name is at most 253 characters. */
  private static final int MAX_HOST = 260;

  @Override
  public String firstChars() {
    return LOWER + UPPER + DIGITS + ".-_:%";
  }

  @Override
  public Header parse(String s) {
    int hostEnd = hostEnd(s, 0);
    if (hostEnd < 0) return null;
    if (!s.startsWith(" - ", hostEnd)) {
      if (!isHostPort(s, 0, hostEnd) || Scan.at(s, hostEnd) != ' ') return null;
      hostEnd = hostEnd(s, hostEnd + 1);
      if (hostEnd < 0 || !s.startsWith(" - ", hostEnd)) return null;
    }
    int user = hostEnd + 3;
    int userEnd = Scan.tokenEnd(s, user);
    int open = userEnd + 1;
    if (userEnd == user || Scan.at(s, userEnd) != ' ' || Scan.at(s, open) != '[') return null;
    // [10/Oct/2000:13:55:36 -0700]
    int t = open + 1;
    int day = Scan.num(s, t, 2);
    int month = Scan.month(s, t + 3);
    int year = Scan.num(s, t + 7, 4);
    int hour = Scan.num(s, t + 12, 2);
    int minute = Scan.num(s, t + 15, 2);
    int second = Scan.num(s, t + 18, 2);
    if (day < 0 || month == 0 || year < 0 || hour < 0 || minute < 0 || second < 0
        || Scan.at(s, t + 2) != '/' || Scan.at(s, t + 6) != '/' || Scan.at(s, t + 11) != ':'
        || Scan.at(s, t + 14) != ':' || Scan.at(s, t + 17) != ':'
        || !Times.valid(year, month, day, hour, minute, second)) {
      return null;
    }
    int p = t + 20;
    int micros = 0;
    if (Scan.at(s, p) == '.') {
      int e = Scan.digitsEnd(s, p + 1);
      micros = Scan.micros(s, p + 1, e);
      p = e;
    }
    char sign = Scan.at(s, p + 1);
    int oh = Scan.num(s, p + 2, 2);
    int om = Scan.num(s, p + 4, 2);
    int close = p + 6;
    if (Scan.at(s, p) != ' ' || (sign != '+' && sign != '-') || oh < 0 || oh > 18 || om < 0
        || om > 59 || Scan.at(s, close) != ']' || Scan.at(s, close + 1) != ' '
        || Scan.at(s, close + 2) != '"') {
      return null;
    }
    long offset = (sign == '-' ? -1 : 1) * (oh * 3_600L + om * 60L) * 1_000_000L;
    long utc = Times.utcMicros(year, month, day, hour, minute, second, micros) - offset;
    int requestEnd = quotedEnd(s, close + 2);
    LogLevel level = LogLevel.INFO;
    if (requestEnd > 0 && Scan.at(s, requestEnd) == ' ') {
      int status = Scan.num(s, requestEnd + 1, 3);
      char after = Scan.at(s, requestEnd + 4);
      if (status >= 100 && (after == ' ' || after == '\0')) {
        level = status >= 500 ? LogLevel.ERROR : status >= 400 ? LogLevel.WARN : LogLevel.INFO;
      }
    }
    String message = s.substring(0, open - 1) + s.substring(close + 1);
    return Header.rebuilt(utc, s.substring(t, close), level, null, s, message);
  }

  /** End of a host token at i (letters, digits, {@code . - _ : %}), or -1 when there is none. */
  private static int hostEnd(String s, int i) {
    int end = i;
    int max = Math.min(s.length(), i + MAX_HOST);
    while (end < max) {
      char c = s.charAt(end);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '-' || c == '_' || c == ':' || c == '%') {
        end++;
      } else {
        break;
      }
    }
    return end == i || end == max && end < s.length() ? -1 : end;
  }

  /** True when [from, to) ends with {@code :<port>} after a name. */
  private static boolean isHostPort(String s, int from, int to) {
    int colon = to - 1;
    while (colon > from && Scan.isDigit(s.charAt(colon))) colon--;
    return colon > from && colon < to - 1 && s.charAt(colon) == ':';
  }

  /** Index just after the double-quoted string opening at i (backslash escapes), or -1. */
  static int quotedEnd(String s, int i) {
    for (int k = i + 1; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '\\') k++;
      else if (c == '"') return k + 1;
    }
    return -1;
  }
}
