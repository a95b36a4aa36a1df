package io.bundlescope.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A deterministic in-memory corpus of realistic log lines for the JMH benchmarks. It is
 * {@value #CYCLES} cycles of the same {@value #RECORDS_PER_CYCLE} blocks (61 one-line records
 * across glog, Python, log4j, Cassandra, ZooKeeper, ISO and classic syslog, plus a Java stack
 * trace, a Python traceback and a glog check failure), so its line and record counts are
 * compile-time constants usable in {@code @OperationsPerInvocation}; only the text (times,
 * ids, messages) is random. Times rise monotonically from 2026-03-01, UTC.
 */
public final class Corpus {
  static final int CYCLES = 512;
  static final int RECORDS_PER_CYCLE = 64;
  static final int LINES_PER_CYCLE = 61 + 8 + 7 + 5;
  static final int RECORDS = CYCLES * RECORDS_PER_CYCLE;
  static final int LINES = CYCLES * LINES_PER_CYCLE;
  static final int YEAR = 2026;

  /** How blocks are ordered: formats mixed line by line, or in runs as in real files. */
  public enum Order { INTERLEAVED, GROUPED }

  private enum Format { GLOG, PYTHON, LOG4J, CASSANDRA, ZOOKEEPER, SYSLOG_ISO, SYSLOG_CLASSIC }

  private enum Kind {
    GLOG(Format.GLOG, 20), GLOG_YEAR(Format.GLOG, 4), GLOG_FATAL(Format.GLOG, 1),
    PYTHON(Format.PYTHON, 12), PYTHON_TRACEBACK(Format.PYTHON, 1),
    LOG4J(Format.LOG4J, 6), JAVA_TRACE(Format.LOG4J, 1),
    CASSANDRA_OLD(Format.CASSANDRA, 3), CASSANDRA_NEW(Format.CASSANDRA, 2),
    ZOOKEEPER(Format.ZOOKEEPER, 4), SYSLOG_ISO(Format.SYSLOG_ISO, 5),
    SYSLOG_CLASSIC(Format.SYSLOG_CLASSIC, 5);

    final Format format;
    final int perCycle;

    Kind(Format format, int perCycle) {
      this.format = format;
      this.perCycle = perCycle;
    }
  }

  private static final String[] MONTHS =
      {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  private static final String[] MESSAGES = {
    "vdisk_id=%d inherited_episode_sequence=-1 ep_seq_base=%d Expired 2 inorder stretch oplog waiters",
    "Admctl wfq (total=%d): Dropped %d elements - queue: 1 current_cost: -86 (Write Ops Queue)",
    "ZK session establishment complete, sessionId=0x%x, negotiated timeout=%d",
    "Completed flushing /home/nutanix/data/cassandra/data/medusa_vdiskblockmap-jb-%d-Data.db (%d bytes)",
    "Closed socket connection for client /10.136.106.%d:%d (no session established for client)",
    "Started Session %d of user nutanix; %d processes running",
    "Task %x is slow: %d ms since last heartbeat",
    "Forwarding %d requests to 10.1.2.%d",
  };
  /** One message in 64 is not ASCII, so decoding takes its slow path now and then. */
  private static final String NON_ASCII = "Benutzer 'jürgen' angemeldet → Sitzung %d, Token %d";
  private static final String[] LEVELS = {"INFO", "INFO", "INFO", "WARN", "ERROR"};

  final List<String> lines;
  final byte[] bytes;

  private Corpus(List<String> lines) {
    this.lines = List.copyOf(lines);
    this.bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The corpus for seed 1 in the given order; fails if its shape is not the declared one. */
  static Corpus build(Order order) {
    SplittableRandom rnd = new SplittableRandom(1);
    List<Kind> blocks = new ArrayList<>();
    for (int c = 0; c < CYCLES; c++) {
      List<Kind> cycle = new ArrayList<>();
      for (Kind kind : Kind.values()) cycle.addAll(Collections.nCopies(kind.perCycle, kind));
      Collections.shuffle(cycle, new Random(rnd.nextLong()));
      blocks.addAll(cycle);
    }
    if (order == Order.GROUPED) blocks.sort(Comparator.comparing(k -> k.format));
    Writer writer = new Writer(rnd);
    for (Kind kind : blocks) writer.write(kind);
    if (blocks.size() != RECORDS || writer.lines.size() != LINES) {
      throw new IllegalStateException("corpus shape " + blocks.size() + " records, "
          + writer.lines.size() + " lines; declared " + RECORDS + ", " + LINES);
    }
    return new Corpus(writer.lines);
  }

  /** Writes blocks as lines, advancing a shared clock by 0..99 ms per record. */
  private static final class Writer {
    final List<String> lines = new ArrayList<>(LINES);
    final SplittableRandom rnd;
    LocalDateTime time = LocalDateTime.of(YEAR, 3, 1, 0, 0);

    Writer(SplittableRandom rnd) {
      this.rnd = rnd;
    }

    void write(Kind kind) {
      time = time.plusNanos(rnd.nextLong(100_000_000L));
      switch (kind) {
        case GLOG -> add(glog("IIIIWWE".charAt(rnd.nextInt(7)), false) + message());
        case GLOG_YEAR -> add(glog('I', true) + message());
        case GLOG_FATAL -> {
          add(glog('F', false) + "Exceeded resident memory limit: Aborting");
          add("*** Check failure stack trace: ***");
          add("    @     0x7f0d2b2c3daa  google::LogMessage::Fail()");
          add("    @     0x7f0d2b2c7b2f  google::LogMessage::SendToLog()");
          add("    @     0x7f0d2b2c4b1e  nutanix::memory_manager::Check()");
        }
        case PYTHON -> add(python("INFO") + message());
        case PYTHON_TRACEBACK -> {
          add(python("ERROR") + "Failed to start service");
          add("Traceback (most recent call last):");
          add("  File \"/home/nutanix/cluster/bin/genesis\", line 207, in <module>");
          add("    main()");
          add("  File \"/home/nutanix/cluster/lib/py/genesis_server.py\", line 198, in main");
          add("    raise RuntimeError(\"zk unreachable\")");
          add("RuntimeError: zk unreachable");
        }
        case LOG4J -> add(log4j("INFO ") + message());
        case JAVA_TRACE -> {
          add(log4j("ERROR") + "Throwing exception from UserDataAdministration.getUser");
          add("com.nutanix.prism.exception.user.UserAdministrationException: User not found");
          add("\tat com.nutanix.prism.services.UserDataAdministration.getUser(UserDataAdministration.java:120)");
          add("\tat sun.reflect.GeneratedMethodAccessor412.invoke(Unknown Source)");
          add("\tat org.springframework.aop.framework.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java:186)");
          add("Caused by: java.lang.IllegalStateException: no such user " + rnd.nextInt(100_000));
          add("\tat com.nutanix.prism.dao.UserDao.find(UserDao.java:44)");
          add("\t... 12 more");
        }
        case CASSANDRA_OLD -> add(level() + " [FlushWriter:" + rnd.nextInt(1000) + "] " + iso(',', 3)
            + " Memtable.java (line 337) " + message());
        case CASSANDRA_NEW -> add(padded(level()) + " [main] " + iso(',', 3) + " CassandraDaemon.java:471 - "
            + message());
        case ZOOKEEPER -> add(iso(',', 3) + (rnd.nextBoolean() ? "Z" : " [myid:2]") + " - " + padded(level())
            + " [Thread-8:NIOServerCnxn@1027] - " + message());
        case SYSLOG_ISO -> add(iso('.', 6).replace(' ', 'T') + "+00:00 NTNX-16SM6B490273-A-CVM systemd[1]: "
            + message());
        case SYSLOG_CLASSIC -> add(String.format(Locale.ROOT, "%s %2d %02d:%02d:%02d ntnx-cvm sshd[%d]: ",
            MONTHS[time.getMonthValue() - 1], time.getDayOfMonth(), time.getHour(), time.getMinute(),
            time.getSecond(), 1000 + rnd.nextInt(60_000)) + message());
      }
    }

    private void add(String line) {
      lines.add(line);
    }

    private String glog(char severity, boolean withYear) {
      return String.format(Locale.ROOT, "%c%s%02d%02d %02d:%02d:%02d.%06d%s %5d %s:%d] ", severity,
          withYear ? Integer.toString(YEAR) : "", time.getMonthValue(), time.getDayOfMonth(),
          time.getHour(), time.getMinute(), time.getSecond(), time.getNano() / 1000,
          withYear ? "Z" : "", 1000 + rnd.nextInt(60_000), "vdisk_distributed_oplog.cc",
          rnd.nextInt(5000));
    }

    private String python(String level) {
      return iso(',', 3) + " " + level + " " + rnd.nextInt(100_000_000) + " minerva_common_utils.py:"
          + rnd.nextInt(2000) + " ";
    }

    private String log4j(String level) {
      return level + " " + iso(',', 3) + " http-nio-127.0.0.1-9081-exec-" + rnd.nextInt(20)
          + " prism.aop.RequestInterceptor.invoke:140 ";
    }

    /** {@code 2026-03-01 12:29:28,713} with the given fraction separator and digits. */
    private String iso(char separator, int digits) {
      String fraction = String.format(Locale.ROOT, "%09d", time.getNano()).substring(0, digits);
      return String.format(Locale.ROOT, "%d-%02d-%02d %02d:%02d:%02d%c%s", time.getYear(),
          time.getMonthValue(), time.getDayOfMonth(), time.getHour(), time.getMinute(),
          time.getSecond(), separator, fraction);
    }

    private String level() {
      return LEVELS[rnd.nextInt(LEVELS.length)];
    }

    private static String padded(String level) {
      return String.format(Locale.ROOT, "%-5s", level);
    }

    private String message() {
      String template = rnd.nextInt(64) == 0 ? NON_ASCII : MESSAGES[rnd.nextInt(MESSAGES.length)];
      return String.format(Locale.ROOT, template,
          rnd.nextInt(1_000_000), rnd.nextInt(100_000));
    }
  }
}
