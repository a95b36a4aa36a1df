package io.bundlescope.parsers.line;

/**
 * syslog with an RFC 3339 time, as rsyslog writes it in high-precision mode:
 * {@code 2019-12-27T17:18:01.482487-05:00 HOST systemd[1]: msg} and
 * {@code 2021-05-28T04:28:40.413144+02:00 HOST kernel: [106064.317871] msg}. The offset (or 'Z')
 * is required and honoured. As in RFC 3164, the tag belongs to the message, so the message
 * starts at the tag ({@code systemd[1]: msg}). Level: {@link SyslogMessage#level}.
 */
final class SyslogIsoFormat implements LineFormat {
  private final IsoTime time = new IsoTime();

  @Override
  public String firstChars() {
    return DIGITS;
  }

  @Override
  public Header parse(String s) {
    if (!Scan.isDigit(Scan.at(s, 0)) || !time.scan(s, 0) || !time.tSeparator || !time.zoned
        || Scan.at(s, time.end) != ' ') {
      return null;
    }
    int host = time.end + 1;
    int hostEnd = Scan.tokenEnd(s, host);
    if (hostEnd == host || Scan.at(s, hostEnd) != ' ') return null;
    int tag = hostEnd + 1;
    int tagEnd = SyslogMessage.tagEnd(s, tag);
    if (tagEnd < 0) return null;
    return new Header(
        time.micros,
        s.substring(0, time.end),
        SyslogMessage.level(s, tagEnd),
        SyslogMessage.pid(s, tag, tagEnd),
        tag);
  }
}
