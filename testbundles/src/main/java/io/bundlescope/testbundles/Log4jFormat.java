package io.bundlescope.testbundles;

import io.bundlescope.parsers.LogLevel;

/**
 * log4j lines of the management gateway
 * ({@code ERROR 2026-11-30 00:00:02,265 http-nio-...-exec-4 prism.aop...invoke:140 msg});
 * with stack traces on, some ERROR records carry a Java stack trace.
 */
final class Log4jFormat implements RecordFormat {
  private final boolean stackTraces;

  Log4jFormat(boolean stackTraces) {
    this.stackTraces = stackTraces;
  }

  @Override
  public LogLevel level(Rng rng, long index, long count) {
    return RecordFormat.mix(rng, 80, 40);
  }

  @Override
  public void write(AsciiOut out, Rng rng, LogLevel level, Timestamps ts) {
    out.bytes(RecordFormat.javaName(level, true)).ch(' ');
    ts.commaMillis(out);
    out.ch(' ');
    MessageCatalog.PRISM_GATEWAY.pick(rng, level).body().render(out, rng);
    out.newline();
    if (stackTraces && level == LogLevel.ERROR && rng.chance(400)) {
      StackTraces.java(out, rng, false);
    }
  }
}
