package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;

/**
 * The part of a syslog line after the host: an optional tag ({@code prog[pid]:},
 * {@code kernel:}) and the content. Syslog lines carry no level, so one is derived from the
 * content with this table, the most severe match winning:
 *
 * <table>
 *   <caption>syslog level keywords</caption>
 *   <tr><th>keyword (case-insensitive, at the start of a word)</th><th>level</th></tr>
 *   <tr><td>{@code panic}</td><td>FATAL</td></tr>
 *   <tr><td>{@code oom-killer}, {@code out of memory}, {@code segfault}, {@code error},
 *       {@code fail} (failed, failure...)</td><td>ERROR</td></tr>
 *   <tr><td>{@code warn} (warning...)</td><td>WARN</td></tr>
 *   <tr><td>none of these</td><td>INFO</td></tr>
 * </table>
 *
 * <p>The table is deliberately small: it errs towards INFO, and a keyword in a negation
 * ("no error") still counts. HAProxy's traffic lines are the exception: see {@link HaproxyLog}.
 */
final class SyslogMessage {
  private SyslogMessage() {}

  private static final String[] KEYWORDS = {
    "panic", "oom-killer", "out of memory", "segfault", "error", "fail", "warn"
  };
  private static final LogLevel[] LEVELS = {
    LogLevel.FATAL, LogLevel.ERROR, LogLevel.ERROR, LogLevel.ERROR, LogLevel.ERROR, LogLevel.ERROR,
    LogLevel.WARN
  };

  /**
   * Index just after the tag's colon when the token at i is a tag ({@code name:} or
   * {@code name[123]:}, followed by a space or the end of the line), else -1.
   */
  static int tagEnd(String s, int i) {
    int end = Scan.tokenEnd(s, i);
    return end - i >= 2 && s.charAt(end - 1) == ':' ? end : -1;
  }

  /** The pid in a tag {@code name[123]:} spanning [from, tagEnd), else null. */
  static Long pid(String s, int from, int tagEnd) {
    int close = tagEnd - 2;
    if (close <= from || s.charAt(close) != ']') return null;
    int open = close - 1;
    while (open > from && Scan.isDigit(s.charAt(open))) open--;
    if (open == close - 1 || s.charAt(open) != '[' || close - open > 19) return null;
    return Long.parseLong(s, open + 1, close, 10);
  }

  /**
   * The level derived from the content starting at from, per the table above; an HAProxy
   * traffic line (tag {@code haproxy[pid]:}) is levelled by {@link HaproxyLog} instead.
   */
  static LogLevel level(String s, int from) {
    if (from > 0 && s.charAt(from - 1) == ':' && HaproxyLog.isTag(s, from - 1)) {
      LogLevel traffic = HaproxyLog.level(s, from);
      if (traffic != null) return traffic;
    }
    int best = KEYWORDS.length;
    for (int i = from; i < s.length(); i++) {
      if (i > from && Character.isLetterOrDigit(s.charAt(i - 1))) continue;
      for (int k = 0; k < best; k++) {
        if (s.regionMatches(true, i, KEYWORDS[k], 0, KEYWORDS[k].length())) {
          best = k;
          break;
        }
      }
      if (best == 0) break;
    }
    return best < KEYWORDS.length ? LEVELS[best] : LogLevel.INFO;
  }
}
