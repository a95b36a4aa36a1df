package io.bundlescope.parsers.line;

import java.time.ZoneId;

/**
 * Tells, line by line, whether a line starts a record and what its header says. The format is
 * detected per line, not per file (a C++ service's {@code .out} mixes glog and Python lines).
 * The specific formats never both accept a line, so they are tried in move-to-front order: the
 * format that matched last is tried first. The generic ISO-time fallback, which overlaps them,
 * is always tried last. One instance per file: it carries the file's year state.
 */
public final class HeaderParser {
  private final LineFormat[] formats;
  private final LineFormat fallback = new GenericIsoFormat();
  private final GlogFileHeader glogFileHeader;

  /**
   * @param yearHint year of year-less lines until a glog file header says otherwise
   * @param zone zone of the lines that carry none and are not service logs (classic syslog)
   */
  public HeaderParser(int yearHint, ZoneId zone) {
    YearTracker years = new YearTracker(yearHint);
    glogFileHeader = new GlogFileHeader(years);
    formats = new LineFormat[] {
      new GlogFormat(years),
      new PythonFormat(),
      new SyslogIsoFormat(),
      new ZooKeeperFormat(),
      new Log4jFormat(),
      new CassandraFormat(),
      new SyslogClassicFormat(years, zone),
    };
  }

  /** True when line is a glog file header line, which is neither a record nor part of one. */
  public boolean isFileHeader(String line) {
    return glogFileHeader.consume(line);
  }

  /** The header of line when it starts a record, else null (a continuation line). */
  public Header parse(String line) {
    if (line.isEmpty()) return null;
    for (int i = 0; i < formats.length; i++) {
      Header header = formats[i].parse(line);
      if (header != null) {
        if (i > 0) moveToFront(i);
        return header;
      }
    }
    return fallback.parse(line);
  }

  private void moveToFront(int i) {
    LineFormat hit = formats[i];
    System.arraycopy(formats, 0, formats, 1, i);
    formats[0] = hit;
  }
}
