package io.bundlescope.testbundles;

import io.bundlescope.parsers.LogLevel;
import java.nio.charset.StandardCharsets;

/**
 * How one kind of log file writes a record. A record is a pure function of its {@link Rng}
 * (reseeded per record) and time, so a file can be replayed to write glog copies.
 */
interface RecordFormat {
  /** Lines before the first record (the glog header); none by default. */
  default void header(AsciiOut out) {}

  /** The record's level: always the first draw from the record's rng. */
  LogLevel level(Rng rng, long index, long count);

  /** Writes the record at the instant {@code ts} holds: first line and continuation lines. */
  void write(AsciiOut out, Rng rng, LogLevel level, Timestamps ts);

  /** WARN with probability {@code warn}/1000, ERROR with {@code error}/1000, else INFO. */
  static LogLevel mix(Rng rng, int warn, int error) {
    int r = rng.nextInt(1000);
    return r < error ? LogLevel.ERROR : r < error + warn ? LogLevel.WARN : LogLevel.INFO;
  }

  /** The level as log4j, Cassandra and ZooKeeper spell it, optionally padded to 5. */
  static byte[] javaName(LogLevel level, boolean padded) {
    return (padded ? Names.PADDED : Names.PLAIN)[level.ordinal()];
  }

  /** The level as Python's logging spells it ({@code WARNING}). */
  static byte[] pythonName(LogLevel level) {
    return Names.PYTHON[level.ordinal()];
  }

  /** Level names as bytes, by ordinal, computed once. */
  final class Names {
    private static final byte[][] PLAIN = names(false, false);
    private static final byte[][] PADDED = names(true, false);
    private static final byte[][] PYTHON = names(false, true);

    private Names() {}

    private static byte[][] names(boolean padded, boolean python) {
      LogLevel[] levels = LogLevel.values();
      byte[][] names = new byte[levels.length][];
      for (LogLevel level : levels) {
        String name = python && level == LogLevel.WARN ? "WARNING" : level.name();
        if (padded && name.length() < 5) name += " ".repeat(5 - name.length());
        names[level.ordinal()] = name.getBytes(StandardCharsets.US_ASCII);
      }
      return names;
    }
  }
}
