package io.bundlescope.parsers.line;

/**
 * The lines glog writes at the top of every file ({@code Log file created at: 2019/07/18
 * 06:07:40}, {@code Running on machine: ...}, {@code Running duration (h:mm:ss): ...},
 * {@code Log line format: ...}). They are not records; the first one sets the year of the
 * year-less lines that follow.
 */
final class GlogFileHeader {
  private static final String CREATED = "Log file created at: ";
  private static final String[] FOLLOWERS = {
    "Running on machine:", "Running duration (h:mm:ss):", "Log line format:"
  };

  private final YearTracker years;
  private boolean inHeader;

  GlogFileHeader(YearTracker years) {
    this.years = years;
  }

  /** True when line is a glog file header line (to be skipped); reads the year from it. */
  boolean consume(String line) {
    if (line.startsWith(CREATED)) {
      int p = CREATED.length();
      int year = Scan.num(line, p, 4);
      int month = Scan.num(line, p + 5, 2);
      if (year >= 0 && month >= 1 && month <= 12 && Scan.at(line, p + 4) == '/') {
        years.reset(year, month);
      }
      inHeader = true;
      return true;
    }
    if (inHeader) {
      for (String follower : FOLLOWERS) {
        if (line.startsWith(follower)) return true;
      }
    }
    inHeader = false;
    return false;
  }
}
