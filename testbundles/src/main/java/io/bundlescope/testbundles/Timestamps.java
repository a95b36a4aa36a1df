package io.bundlescope.testbundles;

import java.time.LocalDate;

/**
 * Writes the parts of one UTC instant in the shapes log formats use, without
 * {@code java.time} formatters in the hot loop: the date is recomputed only when the day
 * changes. Not thread-safe; one per file being written.
 */
final class Timestamps {
  static final long MICROS_PER_DAY = 86_400_000_000L;
  private long day = Long.MIN_VALUE;
  private int year;
  private int month;
  private int dayOfMonth;
  private long microsOfDay;

  /** Sets the instant, in microseconds since the epoch, that the append methods write. */
  Timestamps at(long epochMicros) {
    long d = Math.floorDiv(epochMicros, MICROS_PER_DAY);
    if (d != day) {
      LocalDate date = LocalDate.ofEpochDay(d);
      day = d;
      year = date.getYear();
      month = date.getMonthValue();
      dayOfMonth = date.getDayOfMonth();
    }
    microsOfDay = epochMicros - d * MICROS_PER_DAY;
    return this;
  }

  /** {@code yyyy-MM-dd} with {@code sep} between the fields. */
  void date(AsciiOut out, char sep) {
    out.num(year, 4, '0').ch(sep).num(month, 2, '0').ch(sep).num(dayOfMonth, 2, '0');
  }

  /** {@code MMdd}, the glog date. */
  void monthDay(AsciiOut out) {
    out.num(month, 2, '0').num(dayOfMonth, 2, '0');
  }

  /** {@code HH:mm:ss}. */
  void time(AsciiOut out) {
    long secs = microsOfDay / 1_000_000;
    out.num(secs / 3600, 2, '0').ch(':').num(secs / 60 % 60, 2, '0').ch(':')
        .num(secs % 60, 2, '0');
  }

  /** {@code yyyy-MM-dd HH:mm:ss,SSS} (Python, log4j, Cassandra, ZooKeeper). */
  void commaMillis(AsciiOut out) {
    date(out, '-');
    out.ch(' ');
    time(out);
    out.ch(',').num(microsOfDay / 1000 % 1000, 3, '0');
  }

  /** Six-digit microseconds of the second. */
  void micros(AsciiOut out) {
    out.num(microsOfDay % 1_000_000, 6, '0');
  }
}
