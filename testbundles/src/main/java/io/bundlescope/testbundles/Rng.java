package io.bundlescope.testbundles;

/**
 * SplitMix64: tiny, fast and reseedable without allocation, so every record can be a pure
 * function of {@code (fileSeed, index)} and a glog copy pass can replay any record exactly.
 */
final class Rng {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long state;

  Rng(long seed) {
    state = seed;
  }

  void seed(long seed) {
    state = seed;
  }

  long nextLong() {
    return mix(state += GOLDEN);
  }

  /** Uniform in {@code [0, bound)}; bound must be positive. */
  int nextInt(int bound) {
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** Uniform in {@code [lo, hi]}. */
  int between(int lo, int hi) {
    return lo + nextInt(hi - lo + 1);
  }

  /** Uniform in {@code [0, bound)}; bound must be positive. */
  long nextLong(long bound) {
    return Long.remainderUnsigned(nextLong(), bound);
  }

  /** True with probability {@code perMille / 1000}. */
  boolean chance(int perMille) {
    return nextInt(1000) < perMille;
  }

  /** A well-mixed seed derived from two values (order matters). */
  static long derive(long a, long b) {
    return mix(a * GOLDEN + mix(b + GOLDEN));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
