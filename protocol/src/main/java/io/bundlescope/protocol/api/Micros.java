package io.bundlescope.protocol.api;

import java.time.Instant;

/** The index's UTC microseconds as the API's times. */
public final class Micros {
  private Micros() {}

  public static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  public static long toMillis(long micros) {
    return Math.floorDiv(micros, 1_000L);
  }
}
