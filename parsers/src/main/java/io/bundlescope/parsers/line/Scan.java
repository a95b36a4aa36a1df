package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;

/**
 * Bounds-safe character scanning shared by the formats. Nothing here throws on short input:
 * {@link #at} reads past the end as {@code '\0'}, and {@link #num} answers -1.
 */
final class Scan {
  private Scan() {}

  static char at(String s, int i) {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The n-digit decimal number at i, or -1 when those n characters are not all digits. */
  static int num(String s, int i, int n) {
    if (i + n > s.length()) return -1;
    int v = 0;
    for (int k = i; k < i + n; k++) {
      char c = s.charAt(k);
      if (!isDigit(c)) return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }

  static int digitsEnd(String s, int i) {
    while (i < s.length() && isDigit(s.charAt(i))) i++;
    return i;
  }

  /** End of the run of ASCII upper-case letters starting at i. */
  static int upperEnd(String s, int i) {
    while (i < s.length() && s.charAt(i) >= 'A' && s.charAt(i) <= 'Z') i++;
    return i;
  }

  static int skip(String s, int i, char c) {
    while (i < s.length() && s.charAt(i) == c) i++;
    return i;
  }

  /** End of the token starting at i: the next space or the end of the line. */
  static int tokenEnd(String s, int i) {
    while (i < s.length() && s.charAt(i) != ' ') i++;
    return i;
  }

  /** i + 1 when a space is at i, else i: where a message starts after a header token. */
  static int afterSpace(String s, int i) {
    return at(s, i) == ' ' ? i + 1 : i;
  }

  /** Microseconds of the fraction digits in [from, to): the first six, zero-padded. */
  static int micros(String s, int from, int to) {
    int v = 0;
    for (int k = 0; k < 6; k++) v = v * 10 + (from + k < to ? s.charAt(from + k) - '0' : 0);
    return v;
  }

  /**
   * End of a source-location token {@code <name><suffix>:<digits>} starting at i (name not
   * empty, e.g. {@code minerva_ha.py:2170} with suffix ".py"), or -1 when the token is not one.
   */
  static int sourceEnd(String s, int i, String suffix) {
    int end = tokenEnd(s, i);
    int colon = end - 1;
    while (colon > i && isDigit(s.charAt(colon))) colon--;
    if (colon == end - 1 || s.charAt(colon) != ':') return -1;
    int nameEnd = colon - suffix.length();
    return nameEnd > i && s.startsWith(suffix, nameEnd) ? end : -1;
  }

  /** The level that the word in [from, to) names, per {@link LogLevel#normalize}. */
  static LogLevel level(String s, int from, int to) {
    return LogLevel.normalize(s.substring(from, to));
  }

  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  /** 1..12 for the English month abbreviation ({@code Jan}..{@code Dec}) at i, else 0. */
  static int month(String s, int i) {
    char c = at(s, i);
    if (c < 'A' || c > 'S' || i + 3 > s.length()) return 0;
    for (int m = 0; m < 12; m++) {
      if (s.regionMatches(i, MONTHS, m * 3, 3)) return m + 1;
    }
    return 0;
  }

  /**
   * Index in words of the word spanning exactly [from, to) of s (case-sensitive), else -1.
   * Allocation-free, for the formats' own level tables.
   */
  static int word(String s, int from, int to, String[] words) {
    int n = to - from;
    for (int k = 0; k < words.length; k++) {
      if (words[k].length() == n && s.regionMatches(from, words[k], 0, n)) return k;
    }
    return -1;
  }

  /** End of the run of ASCII lower-case letters starting at i. */
  static int lowerEnd(String s, int i) {
    while (i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') i++;
    return i;
  }

  /**
   * The number in [from, to) when it is 1 to maxDigits digits, else -1 (fields that are not
   * zero-padded, e.g. {@code 4:28:11}).
   */
  static int shortNum(String s, int from, int to, int maxDigits) {
    return to > from && to - from <= maxDigits ? num(s, from, to - from) : -1;
  }
}
