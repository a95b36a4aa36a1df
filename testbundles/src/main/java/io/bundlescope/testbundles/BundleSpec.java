package io.bundlescope.testbundles;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What to generate. Sized either by records ({@code recordsPerNode}, exact: the bundle holds
 * {@code nodes * recordsPerNode} records) or by bytes ({@code targetBytes} > 0: total
 * uncompressed size, within a few percent). Everything written is a function of the spec:
 * the same spec gives the same bytes.
 *
 * @param nodes controller VMs, node i having IP 10.1.2.(10+i)
 * @param seed drives every random choice
 * @param recordsPerNode records per node when not sized by bytes
 * @param targetBytes uncompressed bytes of the whole bundle, or 0 to size by records
 * @param layout how node files are packed
 * @param startTime first instant of the logs (UTC)
 * @param duration span of the logs; the bundle is collected at {@code startTime + duration}
 * @param binaryFile write {@code cvm_logs/core.stargate.log}, random bytes (a warning)
 * @param notALogFile write {@code cvm_config/zeus_config.txt}, config text (no records)
 * @param stackTraces follow some ERROR records with stack traces or tracebacks
 * @param glogCopies write the glog WARNING, ERROR and FATAL files besides the INFO one
 * @param rotations write the rotated {@code genesis.out.1.gz} and {@code system.log.1.xz}
 * @param threads nodes generated in parallel, 0 for one per core (output does not depend on it)
 */
public record BundleSpec(
    int nodes,
    long seed,
    long recordsPerNode,
    long targetBytes,
    Layout layout,
    Instant startTime,
    Duration duration,
    boolean binaryFile,
    boolean notALogFile,
    boolean stackTraces,
    boolean glogCopies,
    boolean rotations,
    int threads) {

  public BundleSpec {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(duration, "duration");
    if (nodes < 1 || nodes > Node.MAX_NODES) {
      throw new IllegalArgumentException("nodes must be 1.." + Node.MAX_NODES + ": " + nodes);
    }
    if (recordsPerNode < 0 || targetBytes < 0 || threads < 0) {
      throw new IllegalArgumentException("recordsPerNode, targetBytes, threads must be >= 0");
    }
    if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("duration must be at least 1 s: " + duration);
    }
    Instant lastInstant = startTime.plus(duration).minusNanos(1);
    if (startTime.atOffset(ZoneOffset.UTC).getYear()
        != lastInstant.atOffset(ZoneOffset.UTC).getYear()) {
      throw new IllegalArgumentException("logs must stay within one year (glog lines have none)");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** True when sized by {@link #targetBytes}. */
  public boolean sizedByBytes() {
    return targetBytes > 0;
  }

  /** When the bundle is collected: the end of the logs. */
  public Instant endTime() {
    return startTime.plus(duration);
  }

  /** The cluster id in folder names and config, a 19-digit number derived from the seed. */
  public long clusterId() {
    return 1_000_000_000_000_000_000L
        + Long.remainderUnsigned(Rng.derive(seed, 0xC1), 8_000_000_000_000_000_000L);
  }

  /**
   * Defaults: 3 nodes, seed 1, 1000 records per node, TAR_GZ_OF_ZIPS, from
   * 2026-11-30T00:00:00Z for 23 hours, every include flag on, one thread per core.
   */
  public static final class Builder {
    private int nodes = 3;
    private long seed = 1;
    private long recordsPerNode = 1000;
    private long targetBytes;
    private Layout layout = Layout.TAR_GZ_OF_ZIPS;
    private Instant startTime = Instant.parse("2026-11-30T00:00:00Z");
    private Duration duration = Duration.ofHours(23);
    private boolean binaryFile = true;
    private boolean notALogFile = true;
    private boolean stackTraces = true;
    private boolean glogCopies = true;
    private boolean rotations = true;
    private int threads;

    private Builder() {}

    public Builder nodes(int nodes) {
      this.nodes = nodes;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Sizes by records (clears {@link #targetBytes}). */
    public Builder recordsPerNode(long recordsPerNode) {
      this.recordsPerNode = recordsPerNode;
      this.targetBytes = 0;
      return this;
    }

    /** Sizes by total uncompressed bytes (overrides {@link #recordsPerNode}). */
    public Builder targetBytes(long targetBytes) {
      this.targetBytes = targetBytes;
      return this;
    }

    public Builder layout(Layout layout) {
      this.layout = layout;
      return this;
    }

    public Builder startTime(Instant startTime) {
      this.startTime = startTime;
      return this;
    }

    public Builder duration(Duration duration) {
      this.duration = duration;
      return this;
    }

    public Builder binaryFile(boolean include) {
      this.binaryFile = include;
      return this;
    }

    public Builder notALogFile(boolean include) {
      this.notALogFile = include;
      return this;
    }

    public Builder stackTraces(boolean include) {
      this.stackTraces = include;
      return this;
    }

    public Builder glogCopies(boolean include) {
      this.glogCopies = include;
      return this;
    }

    public Builder rotations(boolean include) {
      this.rotations = include;
      return this;
    }

    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    public BundleSpec build() {
      return new BundleSpec(nodes, seed, recordsPerNode, targetBytes, layout, startTime,
          duration, binaryFile, notALogFile, stackTraces, glogCopies, rotations, threads);
    }
  }
}
