package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;
import java.time.ZoneId;

/**
 * OpenStack services (oslo.log's default context format, nova, neutron, cinder...):
 * {@code 2017-05-16 00:00:00.008 25746 INFO nova.osapi_compute.wsgi.server [req-38101a0b-...
 * 113d3a99... 54fadb41... - - -] 10.11.10.1 "GET /v2/.../servers/detail HTTP/1.1" status: 200}:
 * time, pid, level, logger, then the message, which keeps the request context in brackets (it
 * is what ties a request's lines together). Levels: oslo's Python names plus {@code AUDIT}
 * (INFO) and {@code TRACE} (the traceback lines of older releases). The offset is honoured; a
 * time without one (the default) is in the file's zone.
 */
final class OpenStackFormat implements LineFormat {
  private final IsoTime time = new IsoTime();
  private final ZoneClock clock;

  OpenStackFormat(ZoneId zone) {
    this.clock = new ZoneClock(zone);
  }

  @Override
  public String firstChars() {
    return DIGITS;
  }

  @Override
  public Header parse(String s) {
    if (!Scan.isDigit(Scan.at(s, 0)) || !time.scan(s, 0) || time.tSeparator
        || Scan.at(s, time.end) != ' ') {
      return null;
    }
    int pid = time.end + 1;
    int pidEnd = Scan.digitsEnd(s, pid);
    int levelStart = pidEnd + 1;
    int levelEnd = Scan.upperEnd(s, levelStart);
    if (pidEnd == pid || pidEnd - pid > 18 || Scan.at(s, pidEnd) != ' ' || levelEnd == levelStart
        || Scan.at(s, levelEnd) != ' ') {
      return null;
    }
    LogLevel level = levelEnd - levelStart == 5 && s.startsWith("AUDIT", levelStart)
        ? LogLevel.INFO
        : Scan.level(s, levelStart, levelEnd);
    int logger = levelEnd + 1;
    int loggerEnd = Scan.tokenEnd(s, logger);
    if (level == LogLevel.UNKNOWN || loggerEnd == logger) return null;
    long micros = time.zoned ? time.micros : clock.toUtc(time.micros);
    return new Header(micros, s.substring(0, time.end), level, Long.parseLong(s, pid, pidEnd, 10),
        Scan.afterSpace(s, loggerEnd));
  }
}
