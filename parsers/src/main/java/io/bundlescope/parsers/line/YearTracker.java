package io.bundlescope.parsers.line;

/**
 * The year of year-less lines (glog {@code mmdd}, classic syslog) within one file: starts at the
 * glog file header's year or the context's hint, and steps to the next year when the month
 * falls sharply between consecutive records (December to January). A fall of less than
 * {@link #ROLLOVER_MONTHS} months (lines slightly out of order around a month end) keeps it.
 */
final class YearTracker {
  static final int ROLLOVER_MONTHS = 6;

  private int year;
  private int lastMonth;

  YearTracker(int yearHint) {
    this.year = yearHint;
  }

  /** Restarts from a known date, e.g. glog's {@code Log file created at: 2019/07/18 ...}. */
  void reset(int year, int month) {
    this.year = year;
    this.lastMonth = month;
  }

  /** The year of a record in month, after the records seen so far. */
  int yearFor(int month) {
    if (lastMonth - month >= ROLLOVER_MONTHS) year++;
    lastMonth = month;
    return year;
  }
}
