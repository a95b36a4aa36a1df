package io.bundlescope.parsers.line;

/**
 * Scanner for {@code yyyy-mm-dd(T| )hh:mm:ss[(.|,)fraction][Z|(+|-)hh[:]mm]}, the timestamp
 * that opens the Python, ZooKeeper, ISO syslog and generic lines. One instance per format,
 * reused for every line; the fields describe the last successful {@link #scan}.
 */
final class IsoTime {
  /** Index just after the timestamp (after the zone when there is one). */
  int end;
  /** UTC microseconds since the epoch; a timestamp without a zone is read as UTC. */
  long micros;
  /** The date and time are separated by 'T' (else by a space). */
  boolean tSeparator;
  /** The timestamp ends with 'Z' or a numeric offset. */
  boolean zoned;

  /** Scans a timestamp at from; false (fields unchanged) when the text there is not one. */
  boolean scan(String s, int from) {
    int year = Scan.num(s, from, 4);
    int month = Scan.num(s, from + 5, 2);
    int day = Scan.num(s, from + 8, 2);
    char sep = Scan.at(s, from + 10);
    int hour = Scan.num(s, from + 11, 2);
    int minute = Scan.num(s, from + 14, 2);
    int second = Scan.num(s, from + 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0
        || Scan.at(s, from + 4) != '-' || Scan.at(s, from + 7) != '-'
        || (sep != ' ' && sep != 'T')
        || Scan.at(s, from + 13) != ':' || Scan.at(s, from + 16) != ':'
        || !Times.valid(year, month, day, hour, minute, second)) {
      return false;
    }
    int p = from + 19;
    int fraction = 0;
    char c = Scan.at(s, p);
    if ((c == '.' || c == ',') && Scan.isDigit(Scan.at(s, p + 1))) {
      int e = Scan.digitsEnd(s, p + 1);
      fraction = Scan.micros(s, p + 1, e);
      p = e;
    }
    long offsetSeconds = 0;
    boolean hasZone = false;
    c = Scan.at(s, p);
    if (c == 'Z') {
      hasZone = true;
      p++;
    } else if (c == '+' || c == '-') {
      int oh = Scan.num(s, p + 1, 2);
      int q = Scan.at(s, p + 3) == ':' ? p + 4 : p + 3;
      int om = Scan.num(s, q, 2);
      if (oh >= 0 && oh <= 18 && om >= 0 && om <= 59) {
        offsetSeconds = (c == '-' ? -1 : 1) * (oh * 3_600L + om * 60L);
        hasZone = true;
        p = q + 2;
      }
    }
    end = p;
    micros = Times.utcMicros(year, month, day, hour, minute, second, fraction)
        - offsetSeconds * 1_000_000L;
    tSeparator = sep == 'T';
    zoned = hasZone;
    return true;
  }
}
