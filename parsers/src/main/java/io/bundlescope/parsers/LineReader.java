package io.bundlescope.parsers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines with a fixed-size buffer, so memory stays bounded whatever
 * the file. Line ends: LF, CRLF and bare CR. Bytes are decoded as UTF-8 with malformed input
 * replaced by U+FFFD (never an exception); NUL bytes become U+FFFD as well, and a leading
 * byte-order mark is dropped. A line longer than maxLineBytes keeps its first maxLineBytes
 * (cut on a character boundary) followed by {@link MessageBuffer#marker}.
 */
final class LineReader {
  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  private boolean skipLf;
  private long bytesRead;
  private long lineNumber;
  private long truncatedLines;
  private long firstTruncatedLine;

  LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.buf = new byte[2 * maxLineBytes + 2];
  }

  /** Buffers the first n bytes (fewer if the stream is shorter) and returns how many it holds. */
  int prefetch(int n) throws IOException {
    while (limit - pos < n && fill()) {}
    return Math.min(n, limit - pos);
  }

  byte[] buffer() {
    return buf;
  }

  int position() {
    return pos;
  }

  /** The next line without its terminator, or null at the end of the stream. */
  String next() throws IOException {
    if (pos == limit && !fill()) return null;
    if (skipLf) {
      skipLf = false;
      if (buf[pos] == '\n' && ++pos == limit && !fill()) return null;
    }
    boolean nul = false;
    int n = 0;
    while (true) {
      int end = Math.min(limit - pos, maxLineBytes + 1);
      for (; n < end; n++) {
        byte b = buf[pos + n];
        if (b == '\n' || b == '\r') return endLine(decode(n, nul), n);
        if (b == 0) nul = true;
      }
      if (n > maxLineBytes) return truncate(nul);
      if (!fill()) return endLine(decode(n, nul), n);
    }
  }

  /** Physical lines returned so far; the number of the last one. */
  long lineNumber() {
    return lineNumber;
  }

  /** Bytes read from the stream so far. */
  long bytesRead() {
    return bytesRead;
  }

  /** Bytes of the lines returned so far, terminators included. */
  long consumed() {
    return bytesRead - (limit - pos);
  }

  long truncatedLines() {
    return truncatedLines;
  }

  long firstTruncatedLine() {
    return firstTruncatedLine;
  }

  private String decode(int n, boolean nul) {
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    if (nul) s = s.replace('\0', '\uFFFD');
    return lineNumber == 0 && s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /** Consumes n line bytes and the terminator after them, if any. */
  private String endLine(String line, int n) {
    pos += n;
    if (pos < limit) consumeTerminator();
    lineNumber++;
    return line;
  }

  private void consumeTerminator() {
    if (buf[pos++] == '\r') {
      if (pos < limit) {
        if (buf[pos] == '\n') pos++;
      } else {
        skipLf = true;
      }
    }
  }

  /** Keeps the first maxLineBytes of an overlong line and skips the rest, counting it. */
  private String truncate(boolean nul) throws IOException {
    int cut = maxLineBytes;
    while (cut > maxLineBytes - 3 && (buf[pos + cut] & 0xC0) == 0x80) cut--;
    String head = decode(cut, nul);
    long skipped = 0;
    pos += cut;
    while (true) {
      int i = pos;
      while (i < limit && buf[i] != '\n' && buf[i] != '\r') i++;
      skipped += i - pos;
      pos = i;
      if (i < limit) {
        consumeTerminator();
        break;
      }
      if (!fill()) break;
    }
    lineNumber++;
    if (truncatedLines++ == 0) firstTruncatedLine = lineNumber;
    return head + MessageBuffer.marker(skipped);
  }

  /** Moves the unread bytes to the front and reads more; false at the end of the stream. */
  private boolean fill() throws IOException {
    if (eof) return false;
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    int r;
    do {
      r = in.read(buf, limit, buf.length - limit);
    } while (r == 0);
    if (r < 0) {
      eof = true;
      return false;
    }
    limit += r;
    bytesRead += r;
    return true;
  }
}
