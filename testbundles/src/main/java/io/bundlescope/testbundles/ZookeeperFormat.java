package io.bundlescope.testbundles;

import io.bundlescope.parsers.LogLevel;

/**
 * ZooKeeper lines
 * ({@code 2026-11-30 00:00:02,875Z - INFO  [Thread-8:NIOServerCnxn@1027] - msg}).
 */
final class ZookeeperFormat implements RecordFormat {
  @Override
  public LogLevel level(Rng rng, long index, long count) {
    return RecordFormat.mix(rng, 50, 10);
  }

  @Override
  public void write(AsciiOut out, Rng rng, LogLevel level, Timestamps ts) {
    ts.commaMillis(out);
    out.text("Z - ").bytes(RecordFormat.javaName(level, true)).ch(' ');
    MessageCatalog.ZOOKEEPER.pick(rng, level).body().render(out, rng);
    out.newline();
  }
}
