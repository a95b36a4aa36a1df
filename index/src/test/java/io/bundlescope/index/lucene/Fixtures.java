package io.bundlescope.index.lucene;

import io.bundlescope.index.LogQuery;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Records and queries shared by the store tests. */
final class Fixtures {
  static final long T0 = 1_560_836_200_000_000L; // 2019-06-18T05:36:40Z in micros
  static final List<String> SERVICES = List.of("stargate", "cerebro", "curator");
  static final List<String> IPS = List.of("10.0.0.1", "10.0.0.2", "10.0.0.3");

  private Fixtures() {}

  /** A record with every field derived from its bundle and number (1 in 6 without a template). */
  static LogRecord record(String bundle, int n, String message) {
    String service = SERVICES.get(n % 3);
    String ip = n % 7 == 0 ? null : IPS.get(n / 3 % 2);
    Long pid = n % 5 == 0 ? null : 3100L + n / 2 % 4;
    LogLevel level = LogLevel.values()[n % 4];
    return record(bundle, n, service, ip, level, pid, T0 + (n / 3) * 1_000L, message, "c" + n % 3);
  }

  static LogRecord record(String bundle, int n, String service, String ip, LogLevel level,
      Long pid, long time, String message, String chunk) {
    String filename = service + "." + level.name() + ".20190618-053640." + (pid == null ? 0 : pid);
    return new LogRecord(bundle + "-" + String.format("%05d", n), bundle, message, service,
        filename, "cvm/" + ip + "/" + filename + ".gz", time, "0618 05:36:40." + n, level,
        filename, pid, ip, 0, n + 1, chunk, n % 6 == 5 ? 0 : 1 + n % 5);
  }

  /** The generated records of a bundle: 3 records per timestamp, so ties are common. */
  static List<LogRecord> generated(String bundle, int count) {
    List<LogRecord> records = new ArrayList<>();
    for (int n = 0; n < count; n++) records.add(record(bundle, n, "generated record number " + n));
    return records;
  }

  static Query query(String... bundles) {
    return new Query(List.of(bundles));
  }

  /** A LogQuery builder for readable tests; each call returns this. */
  static final class Query {
    private final List<String> bundles;
    private Set<String> services = Set.of();
    private Set<String> ips = Set.of();
    private Set<LogLevel> levels = Set.of();
    private Set<String> filenames = Set.of();
    private Set<Long> pids = Set.of();
    private Long start;
    private Long end;
    private String text;
    private int limit = 100;
    private String cursor;
    private boolean descending;
    private Set<String> messageIps = Set.of();
    private String regex;

    Query(List<String> bundles) {
      this.bundles = bundles;
    }

    Query services(String... v) { services = Set.of(v); return this; }
    Query ips(String... v) { ips = Set.of(v); return this; }
    Query levels(LogLevel... v) { levels = Set.of(v); return this; }
    Query filenames(String... v) { filenames = Set.of(v); return this; }
    Query pids(Long... v) { pids = Set.of(v); return this; }
    Query between(Long from, Long to) { start = from; end = to; return this; }
    Query text(String t) { text = t; return this; }
    Query limit(int n) { limit = n; return this; }
    Query after(String c) { cursor = c; return this; }
    Query descending() { descending = true; return this; }
    Query messageIps(String... v) { messageIps = Set.of(v); return this; }
    Query regex(String r) { regex = r; return this; }

    LogQuery build() {
      return new LogQuery(bundles, services, ips, levels, filenames, pids, start, end, text,
          limit, cursor, descending, messageIps, regex);
    }
  }
}
