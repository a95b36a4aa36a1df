package io.bundlescope.parsers.bundle;

import io.bundlescope.parsers.LogLevel;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a log file's name says, independent of its content: decompressed name, service stem,
 * glog fields, rotation date. Every method accepts a base name or a '/'-separated path.
 */
public final class FileNames {
  private static final String SEVERITIES = "(INFO|WARNING|ERROR|FATAL)";
  private static final Pattern GLOG_FULL =
      Pattern.compile("([^.]+)\\..+\\.[^.]+\\.log\\." + SEVERITIES + "\\.(\\d{8}-\\d{6})\\.(\\d+)");
  private static final Pattern GLOG_SHORT = Pattern.compile("([^.]+)\\." + SEVERITIES);
  private static final Pattern ROTATION =
      Pattern.compile(
          "(\\.\\d+|-\\d{8}|\\.\\d{8}-\\d{6}Z?|[.-]\\d{4}-\\d{2}-\\d{2})$");
  private static final Pattern SEVERITY = Pattern.compile("\\." + SEVERITIES + "$");
  private static final Pattern EXTENSION = Pattern.compile("\\.(log|out|txt)$");
  private static final Pattern DATE = Pattern.compile("(?<!\\d)((?:19|20)\\d{6})(?!\\d)");
  private static final DateTimeFormatter GLOG_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private FileNames() {}

  /** The last '/'-separated component. */
  public static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Base name without a trailing {@code .gz}/{@code .xz}: {@code genesis.out.1.gz -> genesis.out.1}. */
  public static String sourceLogFilename(String path) {
    String name = baseName(path);
    String lower = name.toLowerCase(Locale.ROOT);
    boolean compressed = lower.endsWith(".gz") || lower.endsWith(".xz");
    return compressed && name.length() > 3 ? name.substring(0, name.length() - 3) : name;
  }

  /**
   * The file stem: glog full names give their program; otherwise compression, rotation
   * ({@code .1}, {@code -20201012}, {@code .20260312-002450Z}), severity ({@code .INFO}) and
   * {@code .log/.out/.txt} suffixes are removed until none is left. {@code
   * genesis.out.1.gz -> genesis}, {@code messages-20201012 -> messages}.
   */
  public static String service(String path) {
    String name = sourceLogFilename(path);
    Matcher glog = GLOG_FULL.matcher(name);
    if (glog.matches()) return glog.group(1);
    String previous;
    do {
      previous = name;
      name = strip(name, ROTATION);
      name = strip(name, SEVERITY);
      name = strip(name, EXTENSION);
    } while (!name.equals(previous));
    return name;
  }

  /**
   * The glog fields of {@code <prog>.<host>.<user>.log.<SEV>.<yyyymmdd-hhmmss>.<pid>} (start
   * time null if the stamp is not a valid time) or of the link name {@code <prog>.<SEV>}
   * (start and pid null); null for any other name. WARNING maps to {@link LogLevel#WARN}.
   */
  public static GlogName glog(String path) {
    String name = sourceLogFilename(path);
    Matcher full = GLOG_FULL.matcher(name);
    if (full.matches()) {
      return new GlogName(
          full.group(1), LogLevel.normalize(full.group(2)), glogTime(full.group(3)),
          Long.valueOf(full.group(4)));
    }
    Matcher shortName = GLOG_SHORT.matcher(name);
    if (shortName.matches()) {
      return new GlogName(shortName.group(1), LogLevel.normalize(shortName.group(2)), null, null);
    }
    return null;
  }

  /**
   * The last valid {@code yyyyMMdd} date in the name (a rotation stamp such as {@code
   * messages-20201012} or {@code stargate.out.20260312-002450Z.xz}), or null.
   */
  public static LocalDate dateInName(String path) {
    Matcher m = DATE.matcher(baseName(path));
    LocalDate found = null;
    while (m.find()) {
      try {
        found = LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE);
      } catch (DateTimeException e) {
        // digits that are not a date: keep looking
      }
    }
    return found;
  }

  private static LocalDateTime glogTime(String stamp) {
    try {
      return LocalDateTime.parse(stamp, GLOG_TIME);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static String strip(String name, Pattern suffix) {
    Matcher m = suffix.matcher(name);
    return m.find() && m.start() > 0 ? name.substring(0, m.start()) : name;
  }
}
