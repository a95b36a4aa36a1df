package io.bundlescope.index.lucene;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the IPv4 addresses written in a message ({@code 10.1.2.3}, also in {@code 10.1.2.3:8080}
 * or {@code /10.1.2.3}), so the {@code ip} filter finds a client or peer anywhere in the text.
 * A dotted run of digits is an address when it has exactly four parts of 1-3 digits, each at
 * most 255, and no letter, digit or dot touches it ({@code 1.2.3.4.5}, a version, is not).
 * One pass over the characters, no regex: it runs on every indexed record.
 */
final class MessageIps {
  private MessageIps() {}

  /** The distinct addresses in order of first appearance; empty for none. */
  static List<String> find(CharSequence text) {
    List<String> found = List.of();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!isDigit(c) || (i > 0 && touches(text.charAt(i - 1)))) {
        i++;
        continue;
      }
      int end = runEnd(text, i);
      int stop = text.charAt(end - 1) == '.' ? end - 1 : end; // a sentence may end after it
      if (isAddress(text, i, stop) && (stop < end || end == n || !touches(text.charAt(end)))) {
        String ip = text.subSequence(i, stop).toString();
        if (found.isEmpty()) found = new ArrayList<>(2);
        if (!found.contains(ip)) found.add(ip);
      }
      i = end;
    }
    return found;
  }

  /** End of the run of digits and dots starting at {@code from}. */
  private static int runEnd(CharSequence text, int from) {
    int end = from;
    while (end < text.length() && (isDigit(text.charAt(end)) || text.charAt(end) == '.')) end++;
    return end;
  }

  private static boolean isAddress(CharSequence text, int from, int to) {
    int parts = 0;
    int value = 0;
    int digits = 0;
    for (int i = from; i <= to; i++) {
      char c = i == to ? '.' : text.charAt(i);
      if (c == '.') {
        if (digits == 0 || value > 255 || ++parts > 4) return false;
        value = 0;
        digits = 0;
      } else {
        if (++digits > 3) return false;
        value = value * 10 + (c - '0');
      }
    }
    return parts == 4;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean touches(char c) {
    return c == '.' || Character.isLetterOrDigit(c);
  }
}
