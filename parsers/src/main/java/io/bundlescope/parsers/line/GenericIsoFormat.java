package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;

/**
 * The fallback: a line opening with an ISO-8601-like time ({@code 2020-12-11 12:29:28},
 * {@code 2020-12-11T12:29:28.123Z}, fraction and offset optional) not followed by a letter or
 * digit, then optionally a level word of three letters or more, all upper or all lower case,
 * bare or in brackets ({@code INFO}, {@code [warn]}, {@code error:}). Without a level word the
 * level is UNKNOWN and the message starts after the time. Offsets are honoured, else UTC.
 */
final class GenericIsoFormat implements LineFormat {
  private final IsoTime time = new IsoTime();

  @Override
  public String firstChars() {
    return DIGITS;
  }

  @Override
  public Header parse(String s) {
    if (!Scan.isDigit(Scan.at(s, 0)) || !time.scan(s, 0)
        || Character.isLetterOrDigit(Scan.at(s, time.end))) {
      return null;
    }
    int p = time.end;
    while (Scan.at(s, p) == ' ' || Scan.at(s, p) == '\t') p++;
    int messageStart = p;
    LogLevel level = LogLevel.UNKNOWN;
    boolean bracket = Scan.at(s, p) == '[';
    int word = bracket ? p + 1 : p;
    int wordEnd = sameCaseWordEnd(s, word);
    char after = Scan.at(s, wordEnd);
    if (wordEnd - word >= 3
        && (bracket ? after == ']' : after == ' ' || after == '\t' || after == ':' || after == '\0')) {
      LogLevel named = Scan.level(s, word, wordEnd);
      if (named != LogLevel.UNKNOWN) {
        level = named;
        int q = bracket ? wordEnd + 1 : wordEnd;
        if (Scan.at(s, q) == ':') q++;
        while (Scan.at(s, q) == ' ' || Scan.at(s, q) == '\t') q++;
        messageStart = q;
      }
    }
    return new Header(time.micros, s.substring(0, time.end), level, null, messageStart);
  }

  /** End of the ASCII word at i when its letters are all upper or all lower case, else i. */
  private static int sameCaseWordEnd(String s, int i) {
    int upper = Scan.upperEnd(s, i);
    if (upper > i) return Character.isLetter(Scan.at(s, upper)) ? i : upper;
    int lower = i;
    while (Scan.at(s, lower) >= 'a' && Scan.at(s, lower) <= 'z') lower++;
    return Character.isLetter(Scan.at(s, lower)) ? i : lower;
  }
}
