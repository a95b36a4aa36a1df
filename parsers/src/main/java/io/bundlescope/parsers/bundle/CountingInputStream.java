package io.bundlescope.parsers.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/** Adds the bytes read through it to a counter, which several streams may share. */
final class CountingInputStream extends FilterInputStream {
  private final AtomicLong counter;

  CountingInputStream(InputStream in) {
    this(in, new AtomicLong());
  }

  CountingInputStream(InputStream in, AtomicLong counter) {
    super(in);
    this.counter = counter;
  }

  long count() {
    return counter.get();
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) counter.incrementAndGet();
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) counter.addAndGet(n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    counter.addAndGet(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
