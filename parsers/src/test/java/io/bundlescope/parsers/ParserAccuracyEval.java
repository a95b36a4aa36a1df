package io.bundlescope.parsers;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of the line parser on the loghub development split ({@code
 * ../shared/data/loghub-dev}, 8 systems x 2,000 real lines): per dataset, the share of lines
 * that start a record whose time and level match the ground truth of
 * {@code X_2k.log_structured_corrected.csv}. An evaluation, not a test: it asserts nothing, is
 * not picked up by a normal build (the name does not end in Test) and skips itself when the
 * data is absent, so the project's tests never need {@code /work/shared}.
 *
 * <pre>
 *   mvn -o -q -pl parsers install
 *   java -cp parsers/target/classes:parsers/target/test-classes io.bundlescope.parsers.ParserAccuracyEval [dir]
 * </pre>
 *
 * (or {@code mvn -o -pl parsers surefire:test -Dtest=ParserAccuracyEval}, which prints to
 * {@code target/surefire-reports}). Without a dir it looks for {@code shared/data/loghub-dev}
 * beside the working directory or one of its parents, or takes {@code -Dloghub.dir}.
 *
 * <p>How lines are compared:
 *
 * <ul>
 *   <li>Files are parsed whole with {@link FileParser} (zone UTC, so a wall-clock time in a line
 *       is its UTC field values), and CSV row {@code LineId} n is matched with the record that
 *       starts at line n. A line that starts no record (folded into another, or orphan) fails
 *       every column.
 *   <li>Time at the precision the CSV gives: seconds (Apache, HDFS, Linux, Spark), milliseconds
 *       (HealthApp, OpenStack, ZooKeeper); Linux has no year, so the year is not compared. BGL:
 *       the instant, epoch seconds of {@code Timestamp} plus the microseconds of {@code Time}.
 *   <li>Level: the CSV's word through {@link LogLevel#normalize}, except BGL's own words
 *       ({@code SEVERE} ERROR, {@code FAILURE} FATAL: BG/L ranks SEVERE below ERROR). Linux's
 *       {@code Level} column holds the host and HealthApp has none: time only there.
 *   <li>Pid where the CSV has one (HealthApp, Linux, OpenStack; HDFS's "Pid" is a thread id the
 *       parser does not report). Message = {@code Content} is shown for information.
 *   <li>OpenStack: loghub prefixed every line with its source file name (column
 *       {@code Logrecord}, e.g. {@code nova-api.log.1.2017-05-16_13:53:08}); no real file has
 *       it, so it is removed before parsing. The row {@code OpenStack(raw)} shows the lines as
 *       published.
 * </ul>
 */
public final class ParserAccuracyEval {
  private static final String[] DATASETS =
      {"Apache", "BGL", "HDFS", "HealthApp", "Linux", "OpenStack", "Spark", "Zookeeper"};
  private static final Map<String, LogLevel> BGL_LEVELS =
      Map.of("SEVERE", LogLevel.ERROR, "FAILURE", LogLevel.FATAL, "WARNING", LogLevel.WARN);

  @Test
  void printsAccuracyPerDataset() {
    Path dir = locate(null);
    assumeTrue(dir != null, "loghub-dev data not found (../shared/data/loghub-dev): evaluation skipped");
    print(dir, System.out);
  }

  public static void main(String[] args) {
    Path dir = locate(args.length > 0 ? args[0] : null);
    if (dir == null) {
      System.out.println("loghub-dev data not found (../shared/data/loghub-dev): evaluation skipped");
      return;
    }
    print(dir, System.out);
  }

  /** One dataset's counts. */
  record Score(String name, int lines, int starts, int time, int level, int both, int pid,
      int content, boolean hasLevel, boolean hasPid, List<String> misses) {}

  static void print(Path dir, PrintStream out) {
    out.println("loghub-dev parser accuracy, " + dir);
    out.println("a line scores when it starts a record whose time (at the CSV's precision) and"
        + " normalized level match the CSV");
    out.printf(Locale.ROOT, "%-16s %6s %8s %8s %8s %11s %8s %8s%n",
        "dataset", "lines", "starts", "time", "level", "time+level", "pid", "content");
    int lines = 0;
    int both = 0;
    List<Score> scores = new ArrayList<>();
    for (String name : DATASETS) {
      Score s = evaluate(dir, name, true);
      scores.add(s);
      lines += s.lines();
      both += s.both();
      row(out, s);
      if (name.equals("OpenStack")) row(out, evaluate(dir, name, false));
    }
    out.printf(Locale.ROOT, "%-16s %6d %8s %8s %8s %11s%n", "overall", lines, "", "", "",
        pct(both, lines));
    for (Score s : scores) {
      for (String miss : s.misses()) out.println("  miss " + s.name() + ": " + miss);
    }
  }

  private static void row(PrintStream out, Score s) {
    out.printf(Locale.ROOT, "%-16s %6d %8s %8s %8s %11s %8s %8s%n", s.name(), s.lines(),
        pct(s.starts(), s.lines()), pct(s.time(), s.lines()),
        s.hasLevel() ? pct(s.level(), s.lines()) : "n/a", pct(s.both(), s.lines()),
        s.hasPid() ? pct(s.pid(), s.lines()) : "n/a", pct(s.content(), s.lines()));
  }

  private static String pct(int n, int of) {
    return of == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * n / of);
  }

  static Score evaluate(Path dir, String name, boolean stripLoghubPrefix) {
    List<Map<String, String>> rows = readCsv(dir.resolve(name).resolve(name + "_2k.log_structured_corrected.csv"));
    byte[] raw = read(dir.resolve(name).resolve(name + "_2k.log"));
    if (name.equals("OpenStack") && stripLoghubPrefix) raw = stripLogrecord(raw, rows);
    FileContext ctx = new FileContext("eval", "eval", null, name, name + "_2k.log",
        name + "_2k.log", name, null, 2005, ZoneOffset.UTC, Set.of());
    Map<Long, LogRecord> byLine = new HashMap<>();
    FileParser.parse(new ByteArrayInputStream(raw), ctx, r -> byLine.put(r.lineNumber(), r));
    boolean hasLevel = !name.equals("Linux") && !name.equals("HealthApp");
    boolean hasPid = name.equals("HealthApp") || name.equals("Linux") || name.equals("OpenStack");
    int starts = 0;
    int time = 0;
    int level = 0;
    int both = 0;
    int pid = 0;
    int content = 0;
    List<String> misses = new ArrayList<>();
    for (Map<String, String> row : rows) {
      long lineId = Long.parseLong(row.get("LineId"));
      LogRecord r = byLine.get(lineId);
      if (r == null || r.timeText().isEmpty()) {
        if (misses.size() < 3) misses.add("line " + lineId + " starts no record");
        continue;
      }
      starts++;
      boolean timeOk = timeMatches(name, row, r.timeMicros());
      boolean levelOk = !hasLevel || expectedLevel(name, row.get("Level")) == r.level();
      if (timeOk) time++;
      if (hasLevel && levelOk) level++;
      if (timeOk && levelOk) {
        both++;
      } else if (misses.size() < 3) {
        misses.add("line " + lineId + " time " + r.timeText() + " level " + r.level()
            + " vs CSV " + row.get("Time") + " " + row.get("Level"));
      }
      if (hasPid && pidMatches(name, row, r.pid())) pid++;
      if (r.message().strip().equals(row.get("Content").strip())) content++;
    }
    String label = name.equals("OpenStack") && !stripLoghubPrefix ? "OpenStack(raw)" : name;
    return new Score(label, rows.size(), starts, time, level, both, pid, content, hasLevel, hasPid,
        stripLoghubPrefix ? misses : List.of());
  }

  private static LogLevel expectedLevel(String name, String word) {
    if (name.equals("BGL") && BGL_LEVELS.containsKey(word)) return BGL_LEVELS.get(word);
    return LogLevel.normalize(word);
  }

  private static boolean pidMatches(String name, Map<String, String> row, Long pid) {
    String column = row.get(name.equals("Linux") ? "PID" : "Pid");
    if (column == null || column.isBlank()) return pid == null;
    long expected = (long) Double.parseDouble(column); // the corrected Linux CSV writes 19939.0
    return pid != null && pid == expected;
  }

  private static final DateTimeFormatter APACHE =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss yyyy", Locale.ENGLISH);

  private static boolean timeMatches(String name, Map<String, String> row, long micros) {
    LocalDateTime actual = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    String t = row.get("Time");
    switch (name) {
      case "BGL": {
        long seconds = Long.parseLong(row.get("Timestamp"));
        long fraction = Long.parseLong((t.substring(t.lastIndexOf('.') + 1) + "000000").substring(0, 6));
        return micros == seconds * 1_000_000L + fraction;
      }
      case "Apache":
        return same(LocalDateTime.parse(t, APACHE), actual, ChronoUnit.SECONDS);
      case "HDFS": {
        String date = pad(row.get("Date"), 6);
        String clock = pad(t, 6);
        LocalDateTime expected = LocalDateTime.of(2000 + num(date, 0, 2), num(date, 2, 4),
            num(date, 4, 6), num(clock, 0, 2), num(clock, 2, 4), num(clock, 4, 6));
        return same(expected, actual, ChronoUnit.SECONDS);
      }
      case "HealthApp": {
        String[] f = t.split("[-:]");
        LocalDateTime expected = LocalDateTime.of(num(f[0], 0, 4), num(f[0], 4, 6), num(f[0], 6, 8),
            Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
            Integer.parseInt(f[4]) * 1_000_000);
        return same(expected, actual, ChronoUnit.MILLIS);
      }
      case "Linux": {
        LocalDateTime expected = LocalDateTime.parse(actual.getYear() + " " + row.get("Month") + " "
            + pad(row.get("Date"), 2) + " " + t,
            DateTimeFormatter.ofPattern("yyyy MMM dd HH:mm:ss", Locale.ENGLISH));
        return same(expected, actual, ChronoUnit.SECONDS);
      }
      case "OpenStack":
      case "Zookeeper":
        return same(LocalDateTime.parse(row.get("Date") + "T" + t.replace(',', '.')), actual,
            ChronoUnit.MILLIS);
      case "Spark": {
        String[] d = row.get("Date").split("/");
        LocalDateTime expected = LocalDateTime.parse("20" + d[0] + "-" + d[1] + "-" + d[2] + "T" + t);
        return same(expected, actual, ChronoUnit.SECONDS);
      }
      default:
        throw new IllegalArgumentException(name);
    }
  }

  private static boolean same(LocalDateTime expected, LocalDateTime actual, ChronoUnit unit) {
    return expected.truncatedTo(unit).equals(actual.truncatedTo(unit));
  }

  private static String pad(String digits, int width) {
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  private static int num(String s, int from, int to) {
    return Integer.parseInt(s.substring(from, to));
  }

  /** The lines with their loghub {@code Logrecord + ' '} prefix removed. */
  private static byte[] stripLogrecord(byte[] raw, List<Map<String, String>> rows) {
    String[] lines = new String(raw, StandardCharsets.UTF_8).split("\r\n|\r|\n", -1);
    StringBuilder out = new StringBuilder(raw.length);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String prefix = i < rows.size() ? rows.get(i).get("Logrecord") + " " : null;
      out.append(prefix != null && line.startsWith(prefix) ? line.substring(prefix.length()) : line);
      if (i < lines.length - 1) out.append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** RFC 4180 CSV with a header row: quoted fields, doubled quotes, line breaks inside quotes. */
  static List<Map<String, String>> readCsv(Path file) {
    String text = new String(read(file), StandardCharsets.UTF_8);
    List<List<String>> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
        fields.add(field.toString());
        field.setLength(0);
        records.add(fields);
        fields = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      records.add(fields);
    }
    List<String> header = records.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> record : records.subList(1, records.size())) {
      if (record.size() == 1 && record.get(0).isEmpty()) continue;
      Map<String, String> row = new HashMap<>();
      for (int k = 0; k < header.size() && k < record.size(); k++) row.put(header.get(k), record.get(k));
      rows.add(row);
    }
    return rows;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The loghub-dev directory: the argument, -Dloghub.dir, or shared/data/loghub-dev above the working directory. */
  static Path locate(String arg) {
    String given = arg != null ? arg : System.getProperty("loghub.dir");
    if (given != null) return Files.isDirectory(Path.of(given)) ? Path.of(given) : null;
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/data/loghub-dev");
      if (Files.isDirectory(candidate)) return candidate;
    }
    return null;
  }
}
