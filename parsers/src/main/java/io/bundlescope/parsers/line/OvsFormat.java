package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;
import java.time.ZoneId;

/**
 * Open vSwitch's vlog files ({@code ovs-vswitchd.log}, {@code ovsdb-server.log}):
 * {@code 2022-05-19T11:19:35.015Z|06007|ovs_rcu(urcu6)|WARN|blocked 2000 ms waiting for main to
 * quiesce}: time, sequence number, module with an optional {@code (thread)}, level, message.
 * Levels: {@code EMER} FATAL, {@code ERR} ERROR, {@code WARN}, {@code INFO}, {@code DBG} DEBUG.
 * The 'Z' (UTC) or offset is honoured; a time without one is in the file's zone.
 */
final class OvsFormat implements LineFormat {
  private static final String[] WORDS = {"EMER", "ERR", "WARN", "INFO", "DBG"};
  private static final LogLevel[] LEVELS =
      {LogLevel.FATAL, LogLevel.ERROR, LogLevel.WARN, LogLevel.INFO, LogLevel.DEBUG};

  private final IsoTime time = new IsoTime();
  private final ZoneClock clock;

  OvsFormat(ZoneId zone) {
    this.clock = new ZoneClock(zone);
  }

  @Override
  public String firstChars() {
    return DIGITS;
  }

  @Override
  public Header parse(String s) {
    if (!Scan.isDigit(Scan.at(s, 0)) || !time.scan(s, 0) || !time.tSeparator
        || Scan.at(s, time.end) != '|') {
      return null;
    }
    int seq = time.end + 1;
    int seqEnd = Scan.digitsEnd(s, seq);
    if (seqEnd == seq || Scan.at(s, seqEnd) != '|') return null;
    int module = seqEnd + 1;
    int moduleEnd = module;
    for (char c; (c = Scan.at(s, moduleEnd)) != '|'; moduleEnd++) {
      if (c == ' ' || c == '\0') return null;
    }
    if (moduleEnd == module) return null;
    int word = moduleEnd + 1;
    int wordEnd = Scan.upperEnd(s, word);
    int k = Scan.word(s, word, wordEnd, WORDS);
    if (k < 0 || Scan.at(s, wordEnd) != '|') return null;
    long micros = time.zoned ? time.micros : clock.toUtc(time.micros);
    return new Header(micros, s.substring(0, time.end), LEVELS[k], null, wordEnd + 1);
  }
}
