package io.bundlescope.testbundles;

import io.bundlescope.parsers.LogLevel;

/**
 * A C++ service's {@code .out} file: glog lines of the service mixed with Python lines of its
 * wrapper, so a reader has to detect the format per line. No FATAL here.
 */
final class MixedOutFormat implements RecordFormat {
  private final GlogFormat glog;
  private final PythonFormat wrapper;

  MixedOutFormat(GlogFormat glog, PythonFormat wrapper) {
    this.glog = glog;
    this.wrapper = wrapper;
  }

  @Override
  public LogLevel level(Rng rng, long index, long count) {
    return RecordFormat.mix(rng, 150, 100);
  }

  @Override
  public void write(AsciiOut out, Rng rng, LogLevel level, Timestamps ts) {
    (rng.chance(700) ? glog : wrapper).write(out, rng, level, ts);
  }
}
