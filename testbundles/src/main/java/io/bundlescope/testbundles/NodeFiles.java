package io.bundlescope.testbundles;

import io.bundlescope.parsers.LogLevel;
import io.bundlescope.testbundles.LogFile.Compression;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The log files of one node: its sources (each with a weight, its share of the node's
 * records or bytes) and, for a record count, the files a source writes.
 */
final class NodeFiles {
  enum Source {
    STARGATE_GLOG(35), STARGATE_OUT(5), GENESIS(12), GENESIS_ROTATED(6), PRISM_GATEWAY(15),
    CASSANDRA(12), CASSANDRA_ROTATED(3), ZOOKEEPER(7), MESSAGES(5);

    final int weight;

    Source(int weight) {
      this.weight = weight;
    }

    boolean rotated() {
      return this == GENESIS_ROTATED || this == CASSANDRA_ROTATED;
    }
  }

  private static final Set<LogLevel> ALL = EnumSet.allOf(LogLevel.class);
  private static final DateTimeFormatter GLOG_NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final BundleSpec spec;
  private final Node node;
  private final long nodeSeed;
  private final long start;
  private final long end;
  /** Rotated files cover the first quarter of the span, their live files the rest. */
  private final long rotation;

  NodeFiles(BundleSpec spec, Node node) {
    this.spec = spec;
    this.node = node;
    this.nodeSeed = node.seed(spec.seed());
    this.start = TimeUnit.SECONDS.toMicros(spec.startTime().getEpochSecond())
        + spec.startTime().getNano() / 1000;
    this.end = start + TimeUnit.NANOSECONDS.toMicros(spec.duration().toNanos());
    this.rotation = spec.rotations() ? start + (end - start) / 4 : start;
  }

  List<Source> sources() {
    List<Source> sources = new ArrayList<>();
    for (Source s : Source.values()) if (spec.rotations() || !s.rotated()) sources.add(s);
    return sources;
  }

  /** The files {@code source} writes for {@code count} records (distinct messages). */
  List<LogFile> files(Source source, long count) {
    long seed = Rng.derive(nodeSeed, source.ordinal());
    boolean traces = spec.stackTraces();
    switch (source) {
      case STARGATE_GLOG:
        return glogRun(seed, count);
      case STARGATE_OUT:
        return List.of(file("stargate.out", "stargate", seed, count, start, end,
            new MixedOutFormat(new GlogFormat(node, start, false),
                new PythonFormat(MessageCatalog.STARGATE_WRAPPER, seed, traces))));
      case GENESIS:
        return List.of(file("genesis.out", "genesis", seed, count, rotation, end,
            new PythonFormat(MessageCatalog.GENESIS, seed, traces)));
      case GENESIS_ROTATED:
        return List.of(file("genesis.out.1.gz", "genesis", seed, count, start, rotation,
            new PythonFormat(MessageCatalog.GENESIS, seed, traces)));
      case PRISM_GATEWAY:
        return List.of(file("prism_gateway.log", "prism_gateway", seed, count, start, end,
            new Log4jFormat(traces)));
      case CASSANDRA:
        return List.of(file("cassandra/system.log", "system", seed, count, rotation, end,
            new CassandraFormat(traces)));
      case CASSANDRA_ROTATED:
        return List.of(file("cassandra/system.log.1.xz", "system", seed, count, start,
            rotation, new CassandraFormat(traces)));
      case ZOOKEEPER:
        return List.of(file("zookeeper.out", "zookeeper", seed, count, start, end,
            new ZookeeperFormat()));
      case MESSAGES:
        return List.of(file("messages", "messages", seed, count, start, end,
            new SyslogFormat(node)));
      default:
        throw new AssertionError(source);
    }
  }

  /**
   * The glog INFO file of one process run and, with copies, its WARNING, ERROR and FATAL
   * files: each replays the run, keeps its severity and above, and is credited with its own
   * severity only (without copies the INFO file is credited with everything).
   */
  private List<LogFile> glogRun(long seed, long count) {
    GlogFormat format = new GlogFormat(node, start, true);
    String prefix = "cvm_logs/stargate." + node.host() + ".nutanix.log.";
    String suffix = "." + GLOG_NAME_TIME.format(spec.startTime()) + "." + Node.STARGATE_PID;
    List<LogFile> files = new ArrayList<>();
    files.add(new LogFile(prefix + "INFO" + suffix, "stargate", Compression.NONE, format, seed,
        count, start, end, LogLevel.TRACE,
        spec.glogCopies() ? EnumSet.of(LogLevel.INFO) : ALL));
    if (spec.glogCopies()) {
      for (LogLevel level : List.of(LogLevel.WARN, LogLevel.ERROR, LogLevel.FATAL)) {
        String severity = level == LogLevel.WARN ? "WARNING" : level.name();
        files.add(new LogFile(prefix + severity + suffix, "stargate", Compression.NONE, format,
            seed, count, start, end, level, EnumSet.of(level)));
      }
    }
    return files;
  }

  private static LogFile file(String name, String service, long seed, long count, long from,
      long to, RecordFormat format) {
    Compression compression = name.endsWith(".gz") ? Compression.GZIP
        : name.endsWith(".xz") ? Compression.XZ : Compression.NONE;
    return new LogFile("cvm_logs/" + name, service, compression, format, seed, count, from, to,
        LogLevel.TRACE, ALL);
  }
}
