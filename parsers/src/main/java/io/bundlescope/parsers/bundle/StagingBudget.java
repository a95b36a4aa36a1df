package io.bundlescope.parsers.bundle;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/** Enforces {@link StagingLimits} while a bundle is staged. */
final class StagingBudget {
  /** A compressed archive being expanded; {@link #close()} stops watching it. */
  interface Tracking extends AutoCloseable {
    @Override
    void close();
  }

  private record Expansion(String archive, LongSupplier compressed, LongSupplier expanded) {}

  private final StagingLimits limits;
  private final Deque<Expansion> expanding = new ArrayDeque<>();
  private long stagedBytes;
  private long entries;

  StagingBudget(StagingLimits limits) {
    this.limits = limits;
  }

  /** {@code depth} counts the archives {@code archive} is inside of, itself included. */
  void checkDepth(int depth, String archive) throws BundleException {
    if (depth > limits.maxDepth()) {
      throw new BundleException(
          "archives nested deeper than " + limits.maxDepth() + " levels: " + archive);
    }
  }

  /** One more archive entry or directory file visited. */
  void countEntry() throws BundleException {
    if (++entries > limits.maxEntries()) {
      throw new BundleException("bundle has more than " + limits.maxEntries() + " entries");
    }
  }

  /** {@code bytes} more written to the staging directory. */
  void written(long bytes) throws BundleException {
    stagedBytes += bytes;
    if (stagedBytes > limits.maxStagedBytes()) {
      throw new BundleException(
          "bundle expands beyond the staging limit of " + limits.maxStagedBytes() + " bytes");
    }
    checkExpansion();
  }

  /** {@code bytes} deleted from the staging directory. */
  void released(long bytes) {
    stagedBytes -= bytes;
  }

  /** Watches the expansion ratio of {@code archive} until the returned tracking is closed. */
  Tracking track(String archive, LongSupplier compressed, LongSupplier expanded) {
    Expansion expansion = new Expansion(archive, compressed, expanded);
    expanding.push(expansion);
    return () -> expanding.remove(expansion);
  }

  /** Fails if an archive being expanded has grown beyond the allowed ratio. */
  void checkExpansion() throws BundleException {
    for (Expansion e : expanding) {
      long out = e.expanded().getAsLong();
      long in = Math.max(1, e.compressed().getAsLong());
      if (out > StagingLimits.RATIO_FLOOR_BYTES && out > limits.maxExpansionRatio() * in) {
        throw new BundleException(
            String.format(
                "expansion ratio above %.0fx: %s expanded to %d bytes from %d",
                limits.maxExpansionRatio(), e.archive(), out, in));
      }
    }
  }
}
