package io.bundlescope.testbundles;

import io.bundlescope.parsers.LogLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects what the writers produced, file by file, and sums it up into {@link Expected}. */
final class Tally {
  private record FileCounts(String cvmIp, String service, long[] levels) {}

  private final Map<String, FileCounts> files = new TreeMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<String> notALogFiles = new ArrayList<>();
  private long bytes;

  void logFile(String logicalPath, String cvmIp, String service, long[] levels) {
    files.put(logicalPath, new FileCounts(cvmIp, service, levels));
  }

  void binaryFile(String logicalPath) {
    warnings.add(logicalPath);
  }

  void notALogFile(String logicalPath) {
    notALogFiles.add(logicalPath);
  }

  void bytes(long uncompressed) {
    bytes += uncompressed;
  }

  void addAll(Tally other) {
    files.putAll(other.files);
    warnings.addAll(other.warnings);
    notALogFiles.addAll(other.notALogFiles);
    bytes += other.bytes;
  }

  Expected toExpected() {
    long total = 0;
    Map<String, Long> byIp = new TreeMap<>();
    Map<String, Long> byService = new TreeMap<>();
    Map<String, Long> byLevel = new TreeMap<>();
    Map<String, Map<String, Map<String, Long>>> nested = new TreeMap<>();
    Map<String, Long> byFile = new TreeMap<>();
    for (Map.Entry<String, FileCounts> e : files.entrySet()) {
      FileCounts f = e.getValue();
      long fileTotal = 0;
      for (LogLevel level : LogLevel.values()) {
        long n = f.levels()[level.ordinal()];
        if (n == 0) continue;
        fileTotal += n;
        byLevel.merge(level.name(), n, Long::sum);
        nested.computeIfAbsent(f.cvmIp(), k -> new TreeMap<>())
            .computeIfAbsent(f.service(), k -> new TreeMap<>())
            .merge(level.name(), n, Long::sum);
      }
      byFile.put(e.getKey(), fileTotal);
      total += fileTotal;
      if (fileTotal > 0) {
        byIp.merge(f.cvmIp(), fileTotal, Long::sum);
        byService.merge(f.service(), fileTotal, Long::sum);
      }
    }
    List<String> sortedWarnings = new ArrayList<>(warnings);
    sortedWarnings.sort(null);
    List<String> sortedNotALog = new ArrayList<>(notALogFiles);
    sortedNotALog.sort(null);
    return new Expected(total, byIp, byService, byLevel, nested, byFile, sortedWarnings,
        sortedNotALog, bytes);
  }
}
