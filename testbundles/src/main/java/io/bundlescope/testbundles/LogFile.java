package io.bundlescope.testbundles;

import io.bundlescope.parsers.LogLevel;
import java.util.Set;

/**
 * One log file to write: {@code count} records of {@code format} spread over
 * {@code [startMicros, endMicros)} in increasing time. A glog severity file replays its
 * family's records and keeps those at or above {@code minLevel}; it is credited only with
 * the levels in {@code credited}, so each message is counted once across the family.
 *
 * @param path path below the node root, e.g. {@code cvm_logs/genesis.out}
 * @param service the file stem the parser reports, e.g. {@code stargate}
 */
record LogFile(
    String path,
    String service,
    Compression compression,
    RecordFormat format,
    long seed,
    long count,
    long startMicros,
    long endMicros,
    LogLevel minLevel,
    Set<LogLevel> credited) {

  enum Compression { NONE, GZIP, XZ }

  /** Writes the file and returns the credited record count per level ordinal. */
  long[] write(AsciiOut out) {
    long[] counts = new long[LogLevel.values().length];
    format.header(out);
    Rng rng = new Rng(0);
    Timestamps ts = new Timestamps();
    long step = count == 0 ? 0 : (endMicros - startMicros) / count;
    for (long i = 0; i < count; i++) {
      rng.seed(Rng.derive(seed, i));
      LogLevel level = format.level(rng, i, count);
      long time = startMicros + i * step + (step > 1 ? rng.nextLong(step) : 0);
      if (!level.atLeast(minLevel)) continue;
      format.write(out, rng, level, ts.at(time));
      if (credited.contains(level)) counts[level.ordinal()]++;
    }
    return counts;
  }
}
