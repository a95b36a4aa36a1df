package io.bundlescope.testbundles;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Command line for benchmarks: writes a bundle, prints its expected counts as JSON on stdout
 * and the size and speed on stderr.
 *
 * <pre>
 * GenerateBundle --out PATH [--nodes N] [--target-bytes 1g | --records-per-node N]
 *                [--seed S] [--layout TAR_GZ_OF_ZIPS|ZIP_OF_ZIPS|DIRECTORY] [--threads N]
 * </pre>
 */
public final class GenerateBundle {
  private GenerateBundle() {}

  public static void main(String[] args) throws Exception {
    BundleSpec.Builder builder = BundleSpec.builder();
    BundleSpec spec;
    Path out = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--out" -> out = Path.of(required(args[i], value));
          case "--nodes" -> builder.nodes(Integer.parseInt(required(args[i], value)));
          case "--target-bytes" -> builder.targetBytes(parseSize(required(args[i], value)));
          case "--records-per-node" ->
              builder.recordsPerNode(Long.parseLong(required(args[i], value)));
          case "--seed" -> builder.seed(Long.parseLong(required(args[i], value)));
          case "--layout" -> builder.layout(
              Layout.valueOf(required(args[i], value).toUpperCase(Locale.ROOT)));
          case "--threads" -> builder.threads(Integer.parseInt(required(args[i], value)));
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
        i++;
      }
      if (out == null) throw new IllegalArgumentException("--out is required");
      spec = builder.build();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: GenerateBundle --out PATH [--nodes N] [--target-bytes SIZE |"
          + " --records-per-node N] [--seed S] [--layout TAR_GZ_OF_ZIPS|ZIP_OF_ZIPS|DIRECTORY]"
          + " [--threads N]");
      System.exit(2);
      return;
    }
    long began = System.nanoTime();
    GeneratedBundle bundle = BundleGenerator.generate(spec, out);
    double seconds = (System.nanoTime() - began) / 1e9;
    double megabytes = bundle.expected().uncompressedBytes() / 1e6;
    System.out.println(bundle.expected().toJson());
    System.err.printf(Locale.ROOT, "%s: %.1f MB uncompressed, %d records in %.2f s (%.1f MB/s)%n",
        bundle.path(), megabytes, bundle.expected().total(), seconds, megabytes / seconds);
  }

  /** Parses a byte count with an optional binary suffix: {@code 512k}, {@code 20m}, {@code 1g}. */
  static long parseSize(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    int shift = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
      case 'k' -> 10;
      case 'm' -> 20;
      case 'g' -> 30;
      case 't' -> 40;
      default -> 0;
    };
    long number = Long.parseLong(shift == 0 ? s : s.substring(0, s.length() - 1));
    if (number < 0 || number > Long.MAX_VALUE >> shift) {
      throw new IllegalArgumentException("bad size: " + text);
    }
    return number << shift;
  }

  private static String required(String option, String value) {
    if (value == null) throw new IllegalArgumentException(option + " needs a value");
    return value;
  }
}
