package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;

/**
 * The sysstats collectors' files ({@code sysstats/top.INFO}, {@code iostat.INFO},
 * {@code ping_hosts.INFO}...): blocks of command output, each opened by
 * {@code #TIMESTAMP 1606809600 : 12/01/2020 08:00:00}. The marker starts a record timed by its
 * epoch seconds (UTC; the wall clock after the colon is only for reading); the record's message
 * is the block of sample lines below it, folded in as continuation lines, so the marker line
 * itself adds nothing to the message. Samples carry no severity: level INFO.
 */
final class SysstatsFormat implements LineFormat {
  private static final String MARKER = "#TIMESTAMP ";

  @Override
  public String firstChars() {
    return "#";
  }

  @Override
  public Header parse(String s) {
    if (Scan.at(s, 0) != '#' || !s.startsWith(MARKER)) return null;
    int start = Scan.skip(s, MARKER.length(), ' ');
    int end = Scan.digitsEnd(s, start);
    char after = Scan.at(s, end);
    if (end - start < 9 || end - start > 11 || (after != ' ' && after != '\0')) return null;
    long seconds = Long.parseLong(s, start, end, 10);
    int textEnd = s.length();
    while (textEnd > start && s.charAt(textEnd - 1) <= ' ') textEnd--;
    return new Header(seconds * 1_000_000L, s.substring(start, textEnd), LogLevel.INFO, null,
        s.length());
  }
}
