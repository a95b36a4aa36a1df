package io.bundlescope.testbundles;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the records of a read-back bundle with regexes of its own, independently of the
 * generator: a record is a line matching its file's record-start pattern; any other line
 * is a glog header line or a continuation line. glog copies are dropped by counting, in a
 * severity file, only the lines of that severity. Everything suspicious goes to
 * {@link #problems}.
 */
final class Recount {
  private static final String YMD = "(\\d{4})-(\\d\\d)-(\\d\\d)";
  private static final String HMS = "(\\d\\d):(\\d\\d):(\\d\\d)";
  static final Pattern GLOG =
      Pattern.compile("^([IWEF])(\\d\\d)(\\d\\d) " + HMS + "\\.(\\d{6}) +\\d+ [\\w.]+:\\d+\\] ");
  static final Pattern PYTHON = Pattern.compile(
      "^" + YMD + " " + HMS + ",(\\d{3}) (DEBUG|INFO|WARNING|ERROR|CRITICAL) \\d+ \\w+\\.py:\\d+ ");
  static final Pattern LOG4J =
      Pattern.compile("^(FATAL|ERROR|WARN|INFO|DEBUG) +" + YMD + " " + HMS + ",(\\d{3}) ");
  static final Pattern CASSANDRA = Pattern.compile("^(ERROR|WARN|INFO|DEBUG) \\[[^\\]]+\\] "
      + YMD + " " + HMS + ",(\\d{3}) \\w+\\.java \\(line \\d+\\) ");
  static final Pattern ZOOKEEPER = Pattern.compile(
      "^" + YMD + " " + HMS + ",(\\d{3})Z - (ERROR|WARN|INFO|DEBUG) +\\[");
  static final Pattern SYSLOG = Pattern.compile(
      "^" + YMD + "T" + HMS + "\\.(\\d{6})\\+00:00 [\\w-]+ [\\w-]+(\\[\\d+\\])?: ");
  static final List<Pattern> ANY_START =
      List.of(GLOG, PYTHON, LOG4J, CASSANDRA, ZOOKEEPER, SYSLOG);
  private static final Pattern GLOG_NAME =
      Pattern.compile("\\.log\\.(INFO|WARNING|ERROR|FATAL)\\.");
  private static final Pattern IP = Pattern.compile("PE-(\\d+\\.\\d+\\.\\d+\\.\\d+)");
  private static final List<String> GLOG_HEADER = List.of("Log file created at: 2026/",
      "Running on machine: ", "Running duration (h:mm:ss): ", "Log line format: ");

  final Map<String, Map<String, Map<String, Long>>> byNodeServiceLevel = new TreeMap<>();
  final Map<String, Long> byFile = new TreeMap<>();
  final List<String> problems = new ArrayList<>();
  long total;
  long continuationLines;

  private final boolean glogCopies;
  private final LocalDate day;

  private Recount(boolean glogCopies, LocalDate day) {
    this.glogCopies = glogCopies;
    this.day = day;
  }

  /** Recounts every log file; files of other kinds are skipped. */
  static Recount of(List<BundleContents.Entry> entries, boolean glogCopies, LocalDate day) {
    Recount recount = new Recount(glogCopies, day);
    for (BundleContents.Entry entry : entries) recount.file(entry);
    return recount;
  }

  /** The record-start patterns of a log file, by name; empty for anything else. */
  static List<Pattern> patternsFor(String name) {
    if (GLOG_NAME.matcher(name).find()) return List.of(GLOG);
    if (name.equals("stargate.out")) return List.of(GLOG, PYTHON);
    if (name.startsWith("genesis.out")) return List.of(PYTHON);
    if (name.equals("prism_gateway.log")) return List.of(LOG4J);
    if (name.startsWith("system.log")) return List.of(CASSANDRA);
    if (name.equals("zookeeper.out")) return List.of(ZOOKEEPER);
    if (name.equals("messages")) return List.of(SYSLOG);
    return List.of();
  }

  private void file(BundleContents.Entry entry) {
    List<Pattern> patterns = patternsFor(entry.name());
    if (patterns.isEmpty()) return;
    Matcher severity = GLOG_NAME.matcher(entry.name());
    char onlyLetter = severity.find() && glogCopies ? severity.group(1).charAt(0) : 0;
    Matcher ipMatcher = IP.matcher(entry.path());
    String ip = ipMatcher.find() ? ipMatcher.group(1) : "?";
    String service = entry.name().substring(0, entry.name().indexOf('.') < 0
        ? entry.name().length() : entry.name().indexOf('.'));
    Map<String, Long> levels =
        byNodeServiceLevel.computeIfAbsent(ip, k -> new TreeMap<>())
            .computeIfAbsent(service, k -> new TreeMap<>());
    long fileRecords = 0;
    LocalDateTime previous = null;
    String[] lines = new String(entry.bytes(), StandardCharsets.US_ASCII).split("\n");
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      Matcher m = match(patterns, line);
      if (m == null) {
        if (patterns.get(0) == GLOG && n < 4 && line.startsWith(GLOG_HEADER.get(n))) continue;
        if (previous == null) problems.add(entry.path() + ":" + (n + 1) + " precedes any record");
        if (match(ANY_START, line) != null) {
          problems.add(entry.path() + ":" + (n + 1) + " continuation looks like a record");
        }
        continuationLines++;
        continue;
      }
      LocalDateTime time = time(m);
      if (!time.toLocalDate().equals(day)) problems.add(entry.path() + ":" + (n + 1) + " off day");
      if (previous != null && time.isBefore(previous)) {
        problems.add(entry.path() + ":" + (n + 1) + " goes back in time");
      }
      previous = time;
      String level = level(m);
      if (onlyLetter != 0 && level.charAt(0) != onlyLetter) continue;
      levels.merge(level, 1L, Long::sum);
      fileRecords++;
    }
    levels.values().removeIf(count -> count == 0);
    byFile.put(entry.path(), fileRecords);
    total += fileRecords;
  }

  private static Matcher match(List<Pattern> patterns, String line) {
    for (Pattern p : patterns) {
      Matcher m = p.matcher(line);
      if (m.find()) return m;
    }
    return null;
  }

  private static String level(Matcher m) {
    String text = m.pattern() == GLOG ? m.group(1)
        : m.pattern() == PYTHON ? m.group(8)
        : m.pattern() == ZOOKEEPER ? m.group(8)
        : m.pattern() == SYSLOG ? "INFO"
        : m.group(1);
    switch (text) {
      case "I": case "INFO": return "INFO";
      case "W": case "WARN": case "WARNING": return "WARN";
      case "E": case "ERROR": return "ERROR";
      case "F": case "FATAL": case "CRITICAL": return "FATAL";
      default: return text;
    }
  }

  /** The line's time; glog lines have no year and are read as 2026. */
  private static LocalDateTime time(Matcher m) {
    if (m.pattern() == GLOG) {
      return LocalDateTime.of(2026, i(m, 2), i(m, 3), i(m, 4), i(m, 5), i(m, 6), i(m, 7) * 1000);
    }
    int first = m.pattern() == LOG4J || m.pattern() == CASSANDRA ? 2 : 1;
    int fraction = i(m, first + 6);
    int nanos = m.group(first + 6).length() == 3 ? fraction * 1_000_000 : fraction * 1000;
    return LocalDateTime.of(i(m, first), i(m, first + 1), i(m, first + 2), i(m, first + 3),
        i(m, first + 4), i(m, first + 5), nanos);
  }

  private static int i(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}
