package io.bundlescope.parsers.line;

import java.time.ZoneId;

/**
 * Classic BSD syslog without a year: {@code Jun 14 15:16:01 combo sshd(pam_unix)[19939]: msg}
 * (day space-padded or not, optional fraction). The time is in the file's zone
 * ({@code FileContext.zone}) and the year comes from the {@link YearTracker}. The message
 * starts after the host, tag included; the tag is optional ({@code syslogd 1.4.1: restart.}).
 * Level: {@link SyslogMessage#level}.
 */
final class SyslogClassicFormat implements LineFormat {
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private final YearTracker years;
  private final ZoneId zone;

  SyslogClassicFormat(YearTracker years, ZoneId zone) {
    this.years = years;
    this.zone = zone;
  }

  @Override
  public String firstChars() {
    return MONTH_INITIALS;
  }

  @Override
  public Header parse(String s) {
    int month = month(s);
    if (month == 0 || Scan.at(s, 3) != ' ') return null;
    int dayStart = Scan.skip(s, 3, ' ');
    int dayEnd = Scan.digitsEnd(s, dayStart);
    if (dayEnd == dayStart || dayEnd - dayStart > 2 || Scan.at(s, dayEnd) != ' ') return null;
    int day = Scan.num(s, dayStart, dayEnd - dayStart);
    int t = dayEnd + 1;
    int hour = Scan.num(s, t, 2);
    int minute = Scan.num(s, t + 3, 2);
    int second = Scan.num(s, t + 6, 2);
    if (hour < 0 || minute < 0 || second < 0 || Scan.at(s, t + 2) != ':'
        || Scan.at(s, t + 5) != ':' || !Times.valid(2000, month, day, hour, minute, second)) {
      return null;
    }
    int timeEnd = t + 8;
    int micros = 0;
    if (Scan.at(s, timeEnd) == '.' && Scan.isDigit(Scan.at(s, timeEnd + 1))) {
      int e = Scan.digitsEnd(s, timeEnd + 1);
      micros = Scan.micros(s, timeEnd + 1, e);
      timeEnd = e;
    }
    int host = timeEnd + 1;
    int hostEnd = Scan.tokenEnd(s, host);
    if (Scan.at(s, timeEnd) != ' ' || hostEnd == host || Scan.at(s, hostEnd) != ' ') return null;
    int message = hostEnd + 1;
    int tagEnd = SyslogMessage.tagEnd(s, message);
    int year = years.yearFor(month);
    return new Header(
        Times.zonedMicros(year, month, day, hour, minute, second, micros, zone),
        s.substring(0, timeEnd),
        SyslogMessage.level(s, tagEnd < 0 ? message : tagEnd),
        tagEnd < 0 ? null : SyslogMessage.pid(s, message, tagEnd),
        message);
  }

  /** 1..12 for a month abbreviation at the start of s, else 0. */
  private static int month(String s) {
    char c = Scan.at(s, 0);
    if (c < 'A' || c > 'S') return 0;
    for (int m = 0; m < 12; m++) {
      if (s.regionMatches(0, MONTHS, m * 3, 3)) return m + 1;
    }
    return 0;
  }
}
