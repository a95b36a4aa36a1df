package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * JSON lines: one object per line, as structured loggers write them (zap, logrus's JSON
 * formatter, bunyan/pino, Logstash/ECS, python-json-logger, Docker's json-file driver, Serilog's
 * compact form, MongoDB). A line is one when it is a complete object whose time field parses:
 *
 * <table>
 *   <caption>fields read, first listed name present wins</caption>
 *   <tr><th>what</th><th>keys</th><th>values</th></tr>
 *   <tr><td>time</td><td>{@code time timestamp ts @timestamp date @t t asctime}</td>
 *       <td>ISO-8601 string (offset honoured, else the file's zone), epoch seconds / millis /
 *       micros / nanos as a number or a string ({@link Times#epochMicros}), or MongoDB's
 *       {@code {"$date": "..."}}</td></tr>
 *   <tr><td>level</td><td>{@code level severity lvl log.level levelname loglevel @l s}</td>
 *       <td>a name ({@link LogLevel#normalize}, plus zap's {@code dpanic} ERROR and MongoDB's
 *       {@code D1..D5} DEBUG); a number: syslog 0-7 or bunyan/pino 10-60</td></tr>
 *   <tr><td>message</td><td>{@code msg message @m log @mt}</td><td>a string</td></tr>
 *   <tr><td>pid</td><td>{@code pid}</td><td>a number or a string of digits</td></tr>
 * </table>
 *
 * The record's message is the message string unescaped (a trailing newline, as Docker keeps,
 * dropped), then every field not read above, in order, as {@code key=value}: a string without
 * spaces, '=' or escapes bare; any other string, numbers, literals, nested objects and arrays as
 * written.
 * Without a level field the level is UNKNOWN. The object is read by a small scanner (no JSON
 * library, no allocation until a time field is found); of duplicate keys the first wins.
 */
final class JsonFormat implements LineFormat {
  private static final String[] TIME_KEYS =
      {"time", "timestamp", "ts", "@timestamp", "date", "@t", "t", "asctime"};
  private static final String[] LEVEL_KEYS =
      {"level", "severity", "lvl", "log.level", "levelname", "loglevel", "@l", "s"};
  private static final String[] MESSAGE_KEYS = {"msg", "message", "@m", "log", "@mt"};
  private static final String[] PID_KEYS = {"pid"};
  private static final LogLevel[] SYSLOG = {LogLevel.FATAL, LogLevel.FATAL, LogLevel.FATAL,
    LogLevel.ERROR, LogLevel.WARN, LogLevel.INFO, LogLevel.INFO, LogLevel.DEBUG};
  private static final int NONE = Integer.MAX_VALUE;

  private final IsoTime time = new IsoTime();
  private final ZoneClock clock;
  /** Per member: key start, key end (the quotes excluded), value start, value end. */
  private int[] members = new int[64];
  private int count;

  JsonFormat(ZoneId zone) {
    this.clock = new ZoneClock(zone);
  }

  @Override
  public String firstChars() {
    return "{";
  }

  @Override
  public Header parse(String s) {
    if (Scan.at(s, 0) != '{' || !scanObject(s)) return null;
    int timeMember = find(s, TIME_KEYS, false);
    if (timeMember < 0) return null;
    int vs = members[4 * timeMember + 2];
    int ve = members[4 * timeMember + 3];
    if (s.charAt(vs) == '{') { // MongoDB: {"$date": "..."}
      int date = s.indexOf("\"$date\"", vs);
      if (date < 0 || date > ve) return null;
      int colon = skipSpace(s, date + 7);
      vs = skipSpace(s, colon + 1);
      ve = Scan.at(s, colon) == ':' && Scan.at(s, vs) == '"' ? stringEnd(s, vs) : -1;
      if (ve < 0) return null;
    }
    boolean quoted = s.charAt(vs) == '"';
    int ts = quoted ? vs + 1 : vs;
    int te = quoted ? ve - 1 : ve;
    long micros;
    if (Scan.isDigit(Scan.at(s, ts)) && time.scan(s, ts) && time.end == te) {
      micros = time.zoned ? time.micros : clock.toUtc(time.micros);
    } else {
      micros = Times.epochMicros(s, ts, te);
      if (micros == Times.NOT_EPOCH) return null;
    }
    int levelMember = find(s, LEVEL_KEYS, false);
    int messageMember = find(s, MESSAGE_KEYS, true);
    LogLevel level = levelMember < 0 ? LogLevel.UNKNOWN : level(s, levelMember);
    int pidMember = find(s, PID_KEYS, false);
    Long pid = pidMember < 0 ? null : pid(s, pidMember);
    if (pid == null) pidMember = -1;
    StringBuilder message = new StringBuilder(s.length());
    if (messageMember >= 0) {
      unescape(s, members[4 * messageMember + 2] + 1, members[4 * messageMember + 3] - 1, message);
      int end = message.length();
      while (end > 0 && (message.charAt(end - 1) == '\n' || message.charAt(end - 1) == '\r')) end--;
      message.setLength(end);
    }
    for (int m = 0; m < count; m++) {
      if (m == timeMember || m == levelMember || m == messageMember || m == pidMember) continue;
      if (message.length() > 0) message.append(' ');
      appendField(s, m, message);
    }
    return Header.rebuilt(micros, s.substring(ts, te), level, pid, s, message.toString());
  }

  /** Scans the object spanning the whole line into {@link #members}; false if it is not one. */
  private boolean scanObject(String s) {
    count = 0;
    int p = skipSpace(s, 1);
    if (Scan.at(s, p) != '"') return false;
    while (true) {
      int keyEnd = stringEnd(s, p);
      if (keyEnd < 0) return false;
      int colon = skipSpace(s, keyEnd);
      if (Scan.at(s, colon) != ':') return false;
      int value = skipSpace(s, colon + 1);
      int valueEnd = valueEnd(s, value);
      if (valueEnd < 0) return false;
      if (4 * count + 4 > members.length) members = Arrays.copyOf(members, 2 * members.length);
      members[4 * count] = p + 1;
      members[4 * count + 1] = keyEnd - 1;
      members[4 * count + 2] = value;
      members[4 * count + 3] = valueEnd;
      count++;
      p = skipSpace(s, valueEnd);
      char c = Scan.at(s, p);
      if (c == '}') return skipSpace(s, p + 1) == s.length();
      if (c != ',') return false;
      p = skipSpace(s, p + 1);
      if (Scan.at(s, p) != '"') return false;
    }
  }

  /**
   * The member whose key comes first in keys (a string-valued one when strings is set), or -1.
   */
  private int find(String s, String[] keys, boolean strings) {
    int best = -1;
    int bestRank = NONE;
    for (int m = 0; m < count; m++) {
      int rank = Scan.word(s, members[4 * m], members[4 * m + 1], keys);
      if (rank >= 0 && rank < bestRank && (!strings || s.charAt(members[4 * m + 2]) == '"')) {
        best = m;
        bestRank = rank;
      }
    }
    return best;
  }

  private LogLevel level(String s, int m) {
    int vs = members[4 * m + 2];
    int ve = members[4 * m + 3];
    if (s.charAt(vs) == '"') {
      String name = s.substring(vs + 1, ve - 1);
      LogLevel level = LogLevel.normalize(name);
      if (level != LogLevel.UNKNOWN) return level;
      if (name.equalsIgnoreCase("dpanic")) return LogLevel.ERROR;
      if (name.length() == 2 && name.charAt(0) == 'D' && Scan.isDigit(name.charAt(1))) {
        return LogLevel.DEBUG;
      }
      return LogLevel.UNKNOWN;
    }
    int end = Scan.digitsEnd(s, vs);
    if (end != ve || end - vs > 3) return LogLevel.UNKNOWN;
    int n = Scan.num(s, vs, end - vs);
    if (n < SYSLOG.length) return SYSLOG[n];
    return switch (n) {
      case 10 -> LogLevel.TRACE;
      case 20 -> LogLevel.DEBUG;
      case 30 -> LogLevel.INFO;
      case 40 -> LogLevel.WARN;
      case 50 -> LogLevel.ERROR;
      case 60 -> LogLevel.FATAL;
      default -> LogLevel.UNKNOWN;
    };
  }

  /** The pid in a member whose value is a number or a string of digits, else null. */
  private Long pid(String s, int m) {
    int vs = members[4 * m + 2];
    int ve = members[4 * m + 3];
    if (s.charAt(vs) == '"') {
      vs++;
      ve--;
    }
    return ve > vs && ve - vs <= 18 && Scan.digitsEnd(s, vs) == ve
        ? Long.parseLong(s, vs, ve, 10) : null;
  }

  private void appendField(String s, int m, StringBuilder out) {
    out.append(s, members[4 * m], members[4 * m + 1]).append('=');
    int vs = members[4 * m + 2];
    int ve = members[4 * m + 3];
    if (s.charAt(vs) != '"') {
      out.append(s, vs, ve);
      return;
    }
    boolean plain = ve - vs > 2;
    for (int k = vs + 1; k < ve - 1 && plain; k++) {
      char c = s.charAt(k);
      plain = c != ' ' && c != '=' && c != '\\' && c != '\t';
    }
    if (plain) {
      out.append(s, vs + 1, ve - 1);
    } else {
      out.append(s, vs, ve);
    }
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
    return i;
  }

  /** Index just after the JSON string opening at i, or -1 when it is not closed. */
  private static int stringEnd(String s, int i) {
    for (int k = i + 1; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '\\') k++;
      else if (c == '"') return k + 1;
    }
    return -1;
  }

  /** Index just after the JSON value at i (nested values skipped whole), or -1. */
  private static int valueEnd(String s, int i) {
    char c = Scan.at(s, i);
    if (c == '"') return stringEnd(s, i);
    if (c == '{' || c == '[') {
      int depth = 0;
      for (int k = i; k < s.length(); k++) {
        char d = s.charAt(k);
        if (d == '"') {
          k = stringEnd(s, k) - 1;
          if (k < 0) return -1;
        } else if (d == '{' || d == '[') {
          depth++;
        } else if ((d == '}' || d == ']') && --depth == 0) {
          return k + 1;
        }
      }
      return -1;
    }
    int k = i;
    while (k < s.length()) {
      char d = s.charAt(k);
      if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\t') break;
      k++;
    }
    return k == i ? -1 : k;
  }

  /** Appends the JSON string content [from, to) with its escapes resolved. */
  private static void unescape(String s, int from, int to, StringBuilder out) {
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (c != '\\' || k + 1 >= to) {
        out.append(c);
        continue;
      }
      char e = s.charAt(++k);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          int code = k + 4 < to ? hex4(s, k + 1) : -1;
          if (code < 0) {
            out.append("\\u");
          } else {
            out.append((char) code);
            k += 4;
          }
        }
        default -> out.append(e); // " \ /
      }
    }
  }

  private static int hex4(String s, int i) {
    int v = 0;
    for (int k = i; k < i + 4; k++) {
      int d = Character.digit(s.charAt(k), 16);
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v;
  }
}
