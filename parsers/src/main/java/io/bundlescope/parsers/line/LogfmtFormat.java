package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;
import java.time.ZoneId;

/**
 * logfmt lines, as Go services write them (logrus's text formatter, go-kit, slog, Prometheus):
 * {@code time="2019-12-12T18:47:06-08:00" level=error msg="Hit error in retry number 0: Fetching
 * IAM endpoint" error="..."}. A line is one when it opens with a {@code key=} pair and a time
 * key ({@code time}, {@code ts}, {@code t}, {@code timestamp}) is among its first
 * {@value #TIME_WITHIN} pairs with an RFC 3339 value (offset honoured, else the file's zone) or
 * epoch seconds/millis. Level from {@code level}, {@code lvl} or {@code severity} (UNKNOWN
 * without one). The message is the {@code msg} (or {@code message}) value unquoted, then every
 * other pair as written: {@code Hit error in retry number 0: Fetching IAM endpoint error="..."}.
 */
final class LogfmtFormat implements LineFormat {
  static final int TIME_WITHIN = 3;
  private static final String[] TIME_KEYS = {"time", "ts", "t", "timestamp"};
  private static final String[] LEVEL_KEYS = {"level", "lvl", "severity"};
  private static final String[] MESSAGE_KEYS = {"msg", "message"};

  private final IsoTime time = new IsoTime();
  private final ZoneClock clock;

  LogfmtFormat(ZoneId zone) {
    this.clock = new ZoneClock(zone);
  }

  @Override
  public String firstChars() {
    return LOWER + UPPER + "_";
  }

  @Override
  public Header parse(String s) {
    char first = Scan.at(s, 0);
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first == '_')) {
      return null;
    }
    int timePair = -1;
    int timeValue = -1;
    int timeEnd = -1;
    int p = 0;
    for (int pair = 0; pair < TIME_WITHIN && timePair < 0 && p < s.length(); pair++) {
      int keyEnd = keyEnd(s, p);
      if (keyEnd < 0) return null;
      int valueEnd = valueEnd(s, keyEnd + 1);
      if (valueEnd < 0) return null;
      if (Scan.word(s, p, keyEnd, TIME_KEYS) >= 0) {
        timePair = p;
        timeValue = keyEnd + 1;
        timeEnd = valueEnd;
      }
      p = Scan.skip(s, valueEnd, ' ');
    }
    if (timePair < 0) return null;
    boolean quoted = Scan.at(s, timeValue) == '"';
    int ts = quoted ? timeValue + 1 : timeValue;
    int te = quoted ? timeEnd - 1 : timeEnd;
    long micros;
    if (Scan.isDigit(Scan.at(s, ts)) && time.scan(s, ts) && time.end == te) {
      micros = time.zoned ? time.micros : clock.toUtc(time.micros);
    } else {
      micros = Times.epochMicros(s, ts, te);
      if (micros == Times.NOT_EPOCH) return null;
    }
    return header(s, micros, s.substring(ts, te), timePair);
  }

  /** Reads the level, message and other pairs of a line already known to be logfmt. */
  private static Header header(String s, long micros, String timeText, int timePair) {
    LogLevel level = LogLevel.UNKNOWN;
    StringBuilder message = new StringBuilder(s.length());
    StringBuilder others = new StringBuilder();
    boolean levelSeen = false;
    boolean messageSeen = false;
    int p = 0;
    while (p < s.length()) {
      int keyEnd = keyEnd(s, p);
      int valueEnd = keyEnd < 0 ? -1 : valueEnd(s, keyEnd + 1);
      if (valueEnd < 0) { // not a pair: keep the rest as written
        separate(others).append(s, p, s.length());
        break;
      }
      int value = keyEnd + 1;
      boolean quoted = Scan.at(s, value) == '"';
      if (p == timePair) {
        // already read
      } else if (!levelSeen && Scan.word(s, p, keyEnd, LEVEL_KEYS) >= 0) {
        levelSeen = true;
        level = LogLevel.normalize(quoted ? s.substring(value + 1, valueEnd - 1) : s.substring(value, valueEnd));
      } else if (!messageSeen && Scan.word(s, p, keyEnd, MESSAGE_KEYS) >= 0) {
        messageSeen = true;
        if (quoted) unquote(s, value + 1, valueEnd - 1, message);
        else message.append(s, value, valueEnd);
      } else {
        separate(others).append(s, p, valueEnd);
      }
      p = Scan.skip(s, valueEnd, ' ');
    }
    if (others.length() > 0) separate(message).append(others);
    return Header.rebuilt(micros, timeText, level, null, s, message.toString());
  }

  private static StringBuilder separate(StringBuilder b) {
    return b.length() == 0 ? b : b.append(' ');
  }

  /** Index of the '=' ending the key at i ({@code [A-Za-z0-9_.@/-]}, not empty), else -1. */
  private static int keyEnd(String s, int i) {
    int k = i;
    for (char c; (c = Scan.at(s, k)) != '='; k++) {
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '.' || c == '-' || c == '@' || c == '/';
      if (!ok || k - i > 64) return -1;
    }
    return k == i ? -1 : k;
  }

  /** End of the value at i: a quoted string (escapes honoured) or a bare token; -1 if unclosed. */
  private static int valueEnd(String s, int i) {
    int end = Scan.at(s, i) == '"' ? AccessLogFormat.quotedEnd(s, i) : Scan.tokenEnd(s, i);
    if (end < 0) return -1;
    char after = Scan.at(s, end);
    return after == ' ' || after == '\0' ? end : -1;
  }

  /** Appends the quoted content [from, to) with Go's escapes {@code \" \\ \n \t \r} resolved. */
  private static void unquote(String s, int from, int to, StringBuilder out) {
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (c != '\\' || k + 1 == to) {
        out.append(c);
        continue;
      }
      char e = s.charAt(++k);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case '"', '\\' -> out.append(e);
        default -> out.append('\\').append(e);
      }
    }
  }
}
