package io.bundlescope.parsers.line;

import java.time.ZoneId;

/**
 * Tells, line by line, whether a line starts a record and what its header says. The format is
 * detected per line, not per file (a C++ service's {@code .out} mixes glog and Python lines).
 * The specific formats never both accept a line (pinned by {@code FormatsExclusiveTest}), so
 * they are tried in move-to-front order: the format that matched last is tried first; a format
 * is skipped without a call when the line's first character is not one it can start with
 * ({@link LineFormat#firstChars}), so a continuation line ({@code \tat ...}, {@code   File ...})
 * costs a few bit tests. The generic ISO-time fallback, which overlaps them, is always tried
 * last. One instance per file:
 * it carries the file's year state.
 *
 * <p>Zones: the CVM services' own formats (glog, Python, log4j, Cassandra, ZooKeeper) and the
 * generic fallback read a time without an offset as UTC, as those services log; the formats of
 * other software (classic syslog, Tomcat, samba, nfs-ganesha, Apache and NGINX error logs,
 * Hadoop/Spark/OpenStack, JSON and logfmt lines without an offset...) read it in the file's
 * zone, since they log local time.
 */
public final class HeaderParser {
  private final LineFormat[] formats;
  /** Per slot of {@link #formats}: the ASCII first characters its format accepts, as a bit set. */
  private final long[] firstLow;
  private final long[] firstHigh;
  private final LineFormat fallback = new GenericIsoFormat();
  private final GlogFileHeader glogFileHeader;

  /**
   * @param yearHint year of year-less lines until a glog file header says otherwise
   * @param zone zone of the lines that carry none and are not CVM service logs (see above)
   */
  public HeaderParser(int yearHint, ZoneId zone) {
    YearTracker years = new YearTracker(yearHint);
    glogFileHeader = new GlogFileHeader(years);
    formats = formats(years, zone);
    firstLow = new long[formats.length];
    firstHigh = new long[formats.length];
    for (int i = 0; i < formats.length; i++) {
      for (char c : formats[i].firstChars().toCharArray()) {
        if (c >= 128) throw new IllegalStateException("non-ASCII first character of " + formats[i]);
        if (c < 64) firstLow[i] |= 1L << c;
        else firstHigh[i] |= 1L << (c - 64);
      }
    }
  }

  /** Every specific format, in their initial order (the CVM's own formats first). */
  static LineFormat[] formats(YearTracker years, ZoneId zone) {
    return new LineFormat[] {
      new GlogFormat(years),
      new PythonFormat(),
      new SyslogIsoFormat(),
      new ZooKeeperFormat(),
      new Log4jFormat(),
      new CassandraFormat(),
      new SyslogClassicFormat(years, zone),
      new SysstatsFormat(),
      new LogfmtFormat(zone),
      new JsonFormat(zone),
      new OvsFormat(zone),
      new CatalinaFormat(zone),
      new SambaFormat(zone),
      new GaneshaFormat(zone),
      new AccessLogFormat(),
      new ApacheErrorFormat(zone),
      new NginxErrorFormat(zone),
      new OpenStackFormat(zone),
      new HdfsFormat(zone),
      new SparkFormat(zone),
      new BglFormat(),
      new HealthAppFormat(zone),
    };
  }

  /** True when line is a glog file header line, which is neither a record nor part of one. */
  public boolean isFileHeader(String line) {
    return glogFileHeader.consume(line);
  }

  /** The header of line when it starts a record, else null (a continuation line). */
  public Header parse(String line) {
    if (line.isEmpty()) return null;
    char first = line.charAt(0);
    if (first >= 128) return null; // no format starts with a non-ASCII character
    long[] firsts = first < 64 ? firstLow : firstHigh;
    long bit = 1L << first; // the shift uses the low 6 bits only
    for (int i = 0; i < formats.length; i++) {
      if ((firsts[i] & bit) == 0) continue;
      Header header = formats[i].parse(line);
      if (header != null) {
        if (i > 0) moveToFront(i);
        return header;
      }
    }
    return fallback.parse(line);
  }

  /**
   * The header of a record whose level is on its second line ({@link Header#levelOnNextLine}),
   * given that line: the level it names ({@code INFO: text}), or UNKNOWN; no longer pending.
   * The line itself is a continuation line of the record.
   */
  public Header withNextLine(Header current, String nextLine) {
    return current.withLevel(CatalinaFormat.nextLineLevel(nextLine));
  }

  private void moveToFront(int i) {
    LineFormat hit = formats[i];
    long low = firstLow[i];
    long high = firstHigh[i];
    System.arraycopy(formats, 0, formats, 1, i);
    System.arraycopy(firstLow, 0, firstLow, 1, i);
    System.arraycopy(firstHigh, 0, firstHigh, 1, i);
    formats[0] = hit;
    firstLow[0] = low;
    firstHigh[0] = high;
  }
}
