package io.bundlescope.testbundles;

import io.bundlescope.parsers.LogLevel;
import java.nio.charset.StandardCharsets;

/**
 * High-precision syslog lines of {@code messages}
 * ({@code 2026-11-30T00:00:01.482487+00:00 NTNX-...-CVM systemd[1]: msg}). Syslog has no level
 * field and every message is neutral, so every record is INFO.
 */
final class SyslogFormat implements RecordFormat {
  private final byte[] host;

  SyslogFormat(Node node) {
    this.host = node.syslogHost().getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public LogLevel level(Rng rng, long index, long count) {
    return LogLevel.INFO;
  }

  @Override
  public void write(AsciiOut out, Rng rng, LogLevel level, Timestamps ts) {
    ts.date(out, '-');
    out.ch('T');
    ts.time(out);
    out.ch('.');
    ts.micros(out);
    out.text("+00:00 ").bytes(host).ch(' ');
    MessageCatalog.SYSLOG.pick(rng, level).body().render(out, rng);
    out.newline();
  }
}
