package io.bundlescope.parsers.bundle;

/**
 * Bounds that keep a hostile or broken bundle from exhausting the staging disk; exceeding any of
 * them fails staging with a {@link BundleException}.
 *
 * @param maxStagedBytes bytes the staging directory may hold at once (expanded files plus
 *     archives spooled for expansion)
 * @param maxDepth archives nested inside each other; the bundle archive itself is depth 1
 * @param maxEntries archive entries and directory files visited, over all archives
 * @param maxExpansionRatio decompressed / compressed bytes of one archive as it is expanded;
 *     checked only once the archive has produced more than {@link #RATIO_FLOOR_BYTES}
 */
public record StagingLimits(
    long maxStagedBytes, int maxDepth, long maxEntries, double maxExpansionRatio) {

  /** Expanded bytes below which the expansion ratio is not checked (tiny, sparse files). */
  public static final long RATIO_FLOOR_BYTES = 1L << 20;

  public StagingLimits {
    if (maxStagedBytes <= 0 || maxDepth <= 0 || maxEntries <= 0 || maxExpansionRatio <= 1) {
      throw new IllegalArgumentException("staging limits must be positive (ratio > 1)");
    }
  }

  /** 200 GiB staged, depth 10, 1,000,000 entries, 200x expansion. */
  public static StagingLimits defaults() {
    return new StagingLimits(200L << 30, 10, 1_000_000, 200);
  }
}
