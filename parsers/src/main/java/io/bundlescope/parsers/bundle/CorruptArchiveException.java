package io.bundlescope.parsers.bundle;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reading an archive or compressed stream failed: its bytes are corrupt or truncated. Kept
 * apart from other {@link IOException}s, which come from the staging disk and abort staging.
 */
final class CorruptArchiveException extends IOException {
  private static final long serialVersionUID = 1L;

  CorruptArchiveException(Throwable cause) {
    super(describe(cause), cause);
  }

  /** A short reason for a message: the exception's message, never null. */
  static String describe(Throwable e) {
    String message = e.getMessage();
    if (message != null && !message.isBlank()) return message;
    return e instanceof EOFException ? "unexpected end of data" : e.getClass().getSimpleName();
  }

  /** {@code in}, with every read failure reported as a {@link CorruptArchiveException}. */
  static InputStream reporting(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (IOException | RuntimeException e) {
          throw asCorrupt(e);
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return super.read(b, off, len);
        } catch (IOException | RuntimeException e) {
          throw asCorrupt(e);
        }
      }

      @Override
      public long skip(long n) throws IOException {
        try {
          return super.skip(n);
        } catch (IOException | RuntimeException e) {
          throw asCorrupt(e);
        }
      }
    };
  }

  static CorruptArchiveException asCorrupt(Exception e) {
    return e instanceof CorruptArchiveException c ? c : new CorruptArchiveException(e);
  }
}
