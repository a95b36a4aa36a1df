package io.bundlescope.testbundles;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A buffered writer of ASCII text straight into bytes (no charset encoder, no String per
 * line) that counts what it writes. Closing it closes the wrapped stream.
 */
final class AsciiOut implements Closeable {
  private static final byte[] DIGITS = "0123456789abcdef".getBytes();
  private final OutputStream out;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private long flushed;

  AsciiOut(OutputStream out) {
    this.out = out;
  }

  /** Bytes written so far, buffered ones included. */
  long count() {
    return flushed + pos;
  }

  AsciiOut bytes(byte[] b) {
    if (b.length > buf.length - pos) {
      flush();
      if (b.length > buf.length) {
        write(b, b.length);
        return this;
      }
    }
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
    return this;
  }

  /** Appends an ASCII string (callers keep literals as bytes in hot paths). */
  AsciiOut text(String s) {
    int n = s.length();
    room(n);
    for (int i = 0; i < n; i++) buf[pos++] = (byte) s.charAt(i);
    return this;
  }

  AsciiOut ch(char c) {
    room(1);
    buf[pos++] = (byte) c;
    return this;
  }

  AsciiOut newline() {
    return ch('\n');
  }

  /** Appends a non-negative number in decimal. */
  AsciiOut num(long v) {
    room(20);
    int end = pos + digits(v);
    for (int i = end - 1; i >= pos; i--, v /= 10) buf[i] = DIGITS[(int) (v % 10)];
    pos = end;
    return this;
  }

  /** Appends a non-negative number left-padded with {@code pad} to {@code width}. */
  AsciiOut num(long v, int width, char pad) {
    room(20 + width);
    for (int n = digits(v); n < width; n++) buf[pos++] = (byte) pad;
    return num(v);
  }

  /** Appends the low {@code digits * 4} bits of {@code v} as lowercase hex. */
  AsciiOut hex(long v, int digits) {
    room(digits);
    for (int i = pos + digits - 1; i >= pos; i--, v >>>= 4) buf[i] = DIGITS[(int) (v & 15)];
    pos += digits;
    return this;
  }

  private static int digits(long v) {
    int n = 1;
    while (v >= 10) {
      v /= 10;
      n++;
    }
    return n;
  }

  private void room(int n) {
    if (n > buf.length - pos) flush();
  }

  private void flush() {
    write(buf, pos);
    pos = 0;
  }

  private void write(byte[] b, int len) {
    try {
      out.write(b, 0, len);
      flushed += len;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    flush();
    out.close();
  }
}
