package io.bundlescope.testbundles;

import io.bundlescope.parsers.LogLevel;

/**
 * Cassandra {@code system.log} lines
 * ({@code INFO [FlushWriter:519] 2026-11-30 00:00:03,484 Memtable.java (line 337) msg});
 * with stack traces on, some ERROR records carry a Java stack trace.
 */
final class CassandraFormat implements RecordFormat {
  private final boolean stackTraces;

  CassandraFormat(boolean stackTraces) {
    this.stackTraces = stackTraces;
  }

  @Override
  public LogLevel level(Rng rng, long index, long count) {
    return RecordFormat.mix(rng, 40, 10);
  }

  @Override
  public void write(AsciiOut out, Rng rng, LogLevel level, Timestamps ts) {
    MessageCatalog.Entry entry = MessageCatalog.CASSANDRA.pick(rng, level);
    out.bytes(RecordFormat.javaName(level, false)).ch(' ');
    entry.head().render(out, rng);
    out.ch(' ');
    ts.commaMillis(out);
    out.ch(' ');
    entry.body().render(out, rng);
    out.newline();
    if (stackTraces && level == LogLevel.ERROR && rng.chance(500)) {
      StackTraces.java(out, rng, true);
    }
  }
}
