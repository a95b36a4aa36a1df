package io.bundlescope.testbundles;

import io.bundlescope.parsers.LogLevel;

/**
 * glog lines without a year ({@code I1130 00:00:01.123456  4401 file.cc:123] msg}) after the
 * 4-line file header. With {@code fatalAtEnd}, the last record is the FATAL that ended the
 * process run.
 */
final class GlogFormat implements RecordFormat {
  private final Node node;
  private final long startMicros;
  private final boolean fatalAtEnd;

  GlogFormat(Node node, long startMicros, boolean fatalAtEnd) {
    this.node = node;
    this.startMicros = startMicros;
    this.fatalAtEnd = fatalAtEnd;
  }

  @Override
  public void header(AsciiOut out) {
    Timestamps ts = new Timestamps().at(startMicros);
    out.text("Log file created at: ");
    ts.date(out, '/');
    out.ch(' ');
    ts.time(out);
    out.text("\nRunning on machine: ").text(node.host())
        .text("\nRunning duration (h:mm:ss): 0:00:00\n")
        .text("Log line format: [IWEF]mmdd hh:mm:ss.uuuuuu threadid file:line] msg\n");
  }

  @Override
  public LogLevel level(Rng rng, long index, long count) {
    LogLevel level = RecordFormat.mix(rng, 60, 20);
    return fatalAtEnd && index == count - 1 ? LogLevel.FATAL : level;
  }

  @Override
  public void write(AsciiOut out, Rng rng, LogLevel level, Timestamps ts) {
    out.ch(level.name().charAt(0));
    ts.monthDay(out);
    out.ch(' ');
    ts.time(out);
    out.ch('.');
    ts.micros(out);
    out.ch(' ').num(Node.STARGATE_PID + 1200 + rng.nextInt(64), 5, ' ').ch(' ');
    MessageCatalog.STARGATE_GLOG.pick(rng, level).body().render(out, rng);
    out.newline();
  }
}
