package io.bundlescope.parsers;

/**
 * The message of the record being folded: the header line's text, then each continuation line
 * after a '\n'. Holds at most maxChars characters; what does not fit is counted and replaced by
 * a {@link #marker}. Trailing blank lines are left out of the built message.
 */
final class MessageBuffer {
  private final int maxChars;
  private final StringBuilder text = new StringBuilder(256);
  private long droppedBytes;

  MessageBuffer(int maxChars) {
    this.maxChars = maxChars;
  }

  /** The text marking that n bytes were cut off here. */
  static String marker(long n) {
    return " …[truncated " + n + " bytes]";
  }

  /** Starts a new message with line[from..]. */
  void start(String line, int from) {
    text.setLength(0);
    droppedBytes = 0;
    add(line, from);
  }

  /** Adds a continuation line (no separator while the message is still empty). */
  void append(String line) {
    if (text.length() == 0) {
      add(line, 0);
    } else if (droppedBytes > 0 || text.length() == maxChars) {
      droppedBytes += 1 + utf8Length(line, 0);
    } else {
      text.append('\n');
      add(line, 0);
    }
  }

  /** True when the current message lost text to the cap. */
  boolean capped() {
    return droppedBytes > 0;
  }

  /** The message: trailing blank lines removed, the marker appended when capped. */
  String build() {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) <= ' ') end--;
    int newline = text.indexOf("\n", end);
    if (newline >= 0) text.setLength(newline);
    if (droppedBytes > 0) text.append(marker(droppedBytes));
    return text.toString();
  }

  private void add(String line, int from) {
    int room = maxChars - text.length();
    int end = line.length();
    if (end - from > room) {
      end = from + room;
      if (end > from && Character.isHighSurrogate(line.charAt(end - 1))) end--;
      droppedBytes += utf8Length(line, end);
    }
    text.append(line, from, end);
  }

  private static long utf8Length(String s, int from) {
    long n = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return n;
  }
}
