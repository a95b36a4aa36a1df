package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;
import java.time.ZoneId;

/**
 * nfs-ganesha ({@code ganesha.log}): {@code 02/12/2020 21:14:18 : epoch 00000043 :
 * ntnx-10-53-79-224-a-fsvm : nfs-ganesha-21832[main] nfs_start :NFS STARTUP :EVENT :msg}:
 * {@code dd/mm/yyyy HH:MM:SS} local time (the file's zone), server epoch (an instance id, not a
 * time), host, {@code program-pid[thread]}, function, component, level, message. The message
 * starts after the level field.
 *
 * <table>
 *   <caption>ganesha level to level (ganesha's order, most severe first)</caption>
 *   <tr><th>ganesha</th><th>level</th></tr>
 *   <tr><td>{@code FATAL}</td><td>FATAL (the daemon exits)</td></tr>
 *   <tr><td>{@code MAJ}, {@code CRIT}</td><td>ERROR</td></tr>
 *   <tr><td>{@code WARN}</td><td>WARN</td></tr>
 *   <tr><td>{@code EVENT}, {@code INFO}, {@code NULL}</td><td>INFO</td></tr>
 *   <tr><td>{@code DEBUG}, {@code M_DBG}, {@code F_DBG}</td><td>DEBUG</td></tr>
 * </table>
 */
final class GaneshaFormat implements LineFormat {
  private static final String EPOCH = " : epoch ";
  private static final String[] WORDS =
      {"FATAL", "MAJ", "CRIT", "WARN", "EVENT", "INFO", "NULL", "DEBUG", "M_DBG", "F_DBG"};
  private static final LogLevel[] LEVELS = {LogLevel.FATAL, LogLevel.ERROR, LogLevel.ERROR,
    LogLevel.WARN, LogLevel.INFO, LogLevel.INFO, LogLevel.INFO, LogLevel.DEBUG, LogLevel.DEBUG,
    LogLevel.DEBUG};
  /** How many {@code " :"} separators after the thread are tried as the one before the level. */
  private static final int MAX_FIELDS = 4;

  private final ZoneClock clock;

  GaneshaFormat(ZoneId zone) {
    this.clock = new ZoneClock(zone);
  }

  @Override
  public String firstChars() {
    return DIGITS;
  }

  @Override
  public Header parse(String s) {
    if (!Scan.isDigit(Scan.at(s, 0)) || Scan.at(s, 2) != '/' || Scan.at(s, 5) != '/'
        || Scan.at(s, 10) != ' ' || Scan.at(s, 13) != ':' || Scan.at(s, 16) != ':') {
      return null;
    }
    int day = Scan.num(s, 0, 2);
    int month = Scan.num(s, 3, 2);
    int year = Scan.num(s, 6, 4);
    int hour = Scan.num(s, 11, 2);
    int minute = Scan.num(s, 14, 2);
    int second = Scan.num(s, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0
        || !Times.valid(year, month, day, hour, minute, second)) {
      return null;
    }
    int p = 19;
    int micros = 0;
    if (Scan.at(s, p) == '.') {
      int e = Scan.digitsEnd(s, p + 1);
      micros = Scan.micros(s, p + 1, e);
      p = e;
    }
    int timeEnd = p;
    if (!s.startsWith(EPOCH, p)) return null;
    int host = s.indexOf(" : ", p + EPOCH.length());
    int program = host < 0 ? -1 : s.indexOf(" : ", host + 3);
    if (program < 0) return null;
    program += 3;
    int open = program;
    for (char c; (c = Scan.at(s, open)) != '['; open++) {
      if (c == ' ' || c == '\0') return null;
    }
    int pidStart = open;
    while (pidStart > program && Scan.isDigit(s.charAt(pidStart - 1))) pidStart--;
    Long pid = pidStart < open && open - pidStart <= 18 && s.charAt(pidStart - 1) == '-'
        ? Long.parseLong(s, pidStart, open, 10) : null;
    int sep = s.indexOf("] ", open);
    for (int field = 0; sep >= 0 && field < MAX_FIELDS; field++) {
      sep = s.indexOf(" :", sep + 1);
      if (sep < 0) break;
      int word = sep + 2;
      int wordEnd = word;
      for (char c; ((c = Scan.at(s, wordEnd)) >= 'A' && c <= 'Z') || c == '_'; ) wordEnd++;
      int k = Scan.word(s, word, wordEnd, WORDS);
      if (k >= 0 && s.startsWith(" :", wordEnd)) {
        return new Header(clock.micros(year, month, day, hour, minute, second, micros),
            s.substring(0, timeEnd), LEVELS[k], pid, Scan.afterSpace(s, wordEnd + 2));
      }
    }
    return null;
  }
}
