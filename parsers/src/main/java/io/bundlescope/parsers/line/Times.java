package io.bundlescope.parsers.line;

import java.time.LocalDateTime;
import java.time.ZoneId;

/** Calendar arithmetic without allocation for the UTC formats; java.time for zoned ones. */
final class Times {
  private Times() {}

  /** True for a real calendar date and a time of day (second 60 allowed for leap seconds). */
  static boolean valid(int year, int month, int day, int hour, int minute, int second) {
    return month >= 1 && month <= 12 && day >= 1 && day <= monthLength(year, month)
        && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 60;
  }

  static int monthLength(int year, int month) {
    if (month == 2) return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
    return (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31;
  }

  /** Microseconds since the epoch of a UTC wall-clock time. */
  static long utcMicros(int y, int mo, int d, int h, int mi, int s, int micros) {
    long seconds = epochDay(y, mo, d) * 86_400L + h * 3_600L + mi * 60L + s;
    return seconds * 1_000_000L + micros;
  }

  /**
   * Microseconds since the epoch of a wall-clock time in zone (gaps and overlaps as java.time).
   * Like {@link #epochDay}, a day past the month's end runs on (Feb 29 of 2019 is Mar 1).
   */
  static long zonedMicros(int y, int mo, int d, int h, int mi, int s, int micros, ZoneId zone) {
    LocalDateTime minute = LocalDateTime.of(y, mo, 1, h, mi).plusDays(d - 1L);
    long minuteStart = minute.atZone(zone).toEpochSecond();
    return (minuteStart + s) * 1_000_000L + micros;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  static long epochDay(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }

  /** Returned by {@link #epochMicros} for text that is not an epoch number. */
  static final long NOT_EPOCH = Long.MIN_VALUE;

  /**
   * UTC microseconds of the epoch number in [from, to): digits with an optional fraction, the
   * unit told by the number of integer digits (up to 11 seconds, 12 to 14 milliseconds, 15 to
   * 17 microseconds, 18 or 19 nanoseconds), else {@link #NOT_EPOCH}.
   */
  static long epochMicros(String s, int from, int to) {
    int intEnd = Scan.digitsEnd(s, from);
    if (intEnd > to) intEnd = to;
    int digits = intEnd - from;
    if (digits == 0 || digits > 19) return NOT_EPOCH;
    int fraction = intEnd;
    if (intEnd < to) {
      if (s.charAt(intEnd) != '.') return NOT_EPOCH;
      fraction = intEnd + 1;
      int fractionEnd = Scan.digitsEnd(s, fraction);
      if (fractionEnd != to || fractionEnd == fraction) return NOT_EPOCH;
    }
    long whole = Long.parseLong(s, from, intEnd, 10);
    if (digits <= 11) {
      return whole * 1_000_000L + (fraction < to ? Scan.micros(s, fraction, to) : 0);
    }
    if (digits <= 14) {
      return whole * 1_000L + (fraction < to ? Scan.micros(s, fraction, to) / 1_000 : 0);
    }
    return digits <= 17 ? whole : whole / 1_000L;
  }
}
