package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;

/**
 * Blue Gene/L RAS logs as published by LLNL/Sandia (loghub {@code BGL}):
 * {@code - 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872
 * R02-M1-N0-C:J12-U11 RAS KERNEL INFO instruction cache parity error corrected}: alert tag
 * ({@code -} or an upper-case category such as {@code KERNDTLB}), epoch seconds, date, node,
 * local time with microseconds, node again, type, component, severity, message.
 *
 * <p>The instant is the epoch seconds (UTC) plus the microseconds of the local time; the
 * local time's zone is not in the line (it is US Pacific) and is not needed. The time text is
 * the local time as written. Severities, in BG/L's increasing order: {@code INFO},
 * {@code WARNING} WARN, {@code SEVERE} ERROR, {@code ERROR}, {@code FATAL}, {@code FAILURE}
 * FATAL; another word does not make a BG/L line.
 */
final class BglFormat implements LineFormat {
  private static final String[] WORDS = {"INFO", "WARNING", "SEVERE", "ERROR", "FATAL", "FAILURE"};
  private static final LogLevel[] LEVELS = {LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR,
    LogLevel.ERROR, LogLevel.FATAL, LogLevel.FATAL};

  @Override
  public String firstChars() {
    return "-" + UPPER;
  }

  @Override
  public Header parse(String s) {
    char first = Scan.at(s, 0);
    int tagEnd = first == '-' ? 1 : Scan.upperEnd(s, 0);
    if (tagEnd == 0 || Scan.at(s, tagEnd) != ' ' || !Scan.isDigit(Scan.at(s, tagEnd + 1))) return null;
    int epoch = tagEnd + 1;
    int epochEnd = Scan.digitsEnd(s, epoch);
    int date = epochEnd + 1;
    if (epochEnd - epoch < 9 || epochEnd - epoch > 11 || Scan.at(s, epochEnd) != ' '
        || Scan.num(s, date, 4) < 0 || Scan.at(s, date + 4) != '.' || Scan.at(s, date + 7) != '.'
        || Scan.at(s, date + 10) != ' ') {
      return null;
    }
    int node = date + 11;
    int nodeEnd = Scan.tokenEnd(s, node);
    int t = nodeEnd + 1;
    // yyyy-mm-dd-hh.mm.ss.ffffff
    int year = Scan.num(s, t, 4);
    int month = Scan.num(s, t + 5, 2);
    int day = Scan.num(s, t + 8, 2);
    int hour = Scan.num(s, t + 11, 2);
    int minute = Scan.num(s, t + 14, 2);
    int second = Scan.num(s, t + 17, 2);
    if (nodeEnd == node || year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0
        || Scan.at(s, t + 4) != '-' || Scan.at(s, t + 7) != '-' || Scan.at(s, t + 10) != '-'
        || Scan.at(s, t + 13) != '.' || Scan.at(s, t + 16) != '.' || Scan.at(s, t + 19) != '.'
        || !Times.valid(year, month, day, hour, minute, second)) {
      return null;
    }
    int fractionEnd = Scan.digitsEnd(s, t + 20);
    if (fractionEnd == t + 20 || Scan.at(s, fractionEnd) != ' ') return null;
    int p = fractionEnd + 1;
    for (int field = 0; field < 3; field++) { // node, type, component
      int end = Scan.tokenEnd(s, p);
      if (end == p || Scan.at(s, end) != ' ') return null;
      p = end + 1;
    }
    int levelEnd = Scan.upperEnd(s, p);
    int k = Scan.word(s, p, levelEnd, WORDS);
    char after = Scan.at(s, levelEnd);
    if (k < 0 || (after != ' ' && after != '\0')) return null;
    long seconds = Long.parseLong(s, epoch, epochEnd, 10);
    return new Header(seconds * 1_000_000L + Scan.micros(s, t + 20, fractionEnd),
        s.substring(t, fractionEnd), LEVELS[k], null, Scan.afterSpace(s, levelEnd));
  }
}
