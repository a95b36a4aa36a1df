package io.bundlescope.bench;

import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The floors every parser benchmark is divided by: what it costs just to find the lines of the
 * same bytes ({@code wc -l}), and to find them and decode each one to a String (the least a
 * line parser must do before looking at a line).
 */
final class Baselines {
  private Baselines() {}

  /** Counts '\n' bytes, as {@code wc -l} does. */
  static int countNewlines(byte[] bytes) {
    int n = 0;
    for (byte b : bytes) {
      if (b == '\n') n++;
    }
    return n;
  }

  /** Splits at '\n' and decodes every line as UTF-8 into the blackhole; returns the line count. */
  static int decodeLines(byte[] bytes, Blackhole bh) {
    int n = 0;
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        bh.consume(new String(bytes, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
        n++;
      }
    }
    if (start < bytes.length) {
      bh.consume(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
      n++;
    }
    return n;
  }
}
