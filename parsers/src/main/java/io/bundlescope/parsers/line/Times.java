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
}
