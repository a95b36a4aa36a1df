package io.bundlescope.testbundles;

import io.bundlescope.parsers.LogLevel;

/**
 * Python service lines ({@code 2026-11-30 00:00:01,123 INFO 28611728 genesis_utils.py:89 msg});
 * with stack traces on, some ERROR records carry a traceback.
 */
final class PythonFormat implements RecordFormat {
  private final MessageCatalog catalog;
  private final long[] threads;
  private final boolean stackTraces;

  /** {@code seed} picks the file's few thread ids. */
  PythonFormat(MessageCatalog catalog, long seed, boolean stackTraces) {
    this.catalog = catalog;
    this.stackTraces = stackTraces;
    Rng rng = new Rng(seed);
    threads = new long[4];
    for (int i = 0; i < threads.length; i++) threads[i] = rng.between(1_000_000, 9_999_999) * 16L;
  }

  @Override
  public LogLevel level(Rng rng, long index, long count) {
    return RecordFormat.mix(rng, 50, 20);
  }

  @Override
  public void write(AsciiOut out, Rng rng, LogLevel level, Timestamps ts) {
    ts.commaMillis(out);
    out.ch(' ').bytes(RecordFormat.pythonName(level)).ch(' ')
        .num(threads[rng.nextInt(threads.length)]).ch(' ');
    catalog.pick(rng, level).body().render(out, rng);
    out.newline();
    if (stackTraces && level == LogLevel.ERROR && rng.chance(300)) StackTraces.python(out, rng);
  }
}
