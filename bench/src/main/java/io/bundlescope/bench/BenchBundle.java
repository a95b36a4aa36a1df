package io.bundlescope.bench;

import io.bundlescope.testbundles.BundleGenerator;
import io.bundlescope.testbundles.BundleSpec;
import io.bundlescope.testbundles.Expected;
import io.bundlescope.testbundles.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A generated {@link Layout#TAR_GZ_OF_ZIPS} bundle cached in the bundles directory by size,
 * seed and node count ({@code bench-1g-s1-n3.tar.gz}). The expectation file is written last by
 * the generator, so a bundle without one is incomplete and is generated again.
 *
 * @param path the bundle archive
 * @param expected what a correct ingest finds in it (records, uncompressed bytes)
 * @param generatedSeconds generation time, or 0 when it came from the cache
 */
record BenchBundle(Path path, Expected expected, double generatedSeconds) {

  static BenchBundle obtain(Path bundlesDir, long targetBytes, long seed, int nodes) throws IOException {
    String base = "bench-" + sizeText(targetBytes) + "-s" + seed + "-n" + nodes;
    Path bundle = bundlesDir.resolve(base + ".tar.gz").toAbsolutePath();
    Path expectedJson = bundlesDir.resolve(base + ".expected.json");
    if (Files.exists(bundle) && Files.exists(expectedJson)) {
      return new BenchBundle(bundle, Expected.read(expectedJson), 0);
    }
    Files.deleteIfExists(expectedJson);
    BundleSpec spec = BundleSpec.builder().nodes(nodes).targetBytes(targetBytes)
        .layout(Layout.TAR_GZ_OF_ZIPS).seed(seed).build();
    long began = System.nanoTime();
    Expected expected = BundleGenerator.generate(spec, bundle).expected();
    return new BenchBundle(bundle, expected, (System.nanoTime() - began) / 1e9);
  }

  /** {@code 1g}, {@code 300m}, {@code 64k} when exact, else the byte count. */
  static String sizeText(long bytes) {
    String[] units = {"t", "g", "m", "k"};
    for (int i = 0; i < units.length; i++) {
      long unit = 1L << (10 * (units.length - i));
      if (bytes >= unit && bytes % unit == 0) return bytes / unit + units[i];
    }
    return Long.toString(bytes);
  }

  /** Parses {@code 512k}, {@code 300m}, {@code 1g} (binary) or a plain byte count. */
  static long parseSize(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    int shift = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
      case 'k' -> 10;
      case 'm' -> 20;
      case 'g' -> 30;
      case 't' -> 40;
      default -> 0;
    };
    long n = Long.parseLong(shift == 0 ? s : s.substring(0, s.length() - 1));
    if (n <= 0 || n > Long.MAX_VALUE >> shift) throw new IllegalArgumentException("bad size: " + text);
    return n << shift;
  }
}
