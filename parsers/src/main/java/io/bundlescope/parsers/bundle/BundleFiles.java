package io.bundlescope.parsers.bundle;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Reading a staged {@link BundleFile}. */
public final class BundleFiles {
  private static final int BUFFER = 64 * 1024;
  private static final int OLDEST_PLAUSIBLE_YEAR = 1990;
  /** Caps xz decoder memory (xz -9 needs 65 MiB); a stream asking more is reported corrupt. */
  private static final int XZ_MEMORY_KIB = 256 * 1024;

  private BundleFiles() {}

  /** The file's bytes, decompressed (concatenated gzip members and xz streams included). */
  public static InputStream open(BundleFile file) throws IOException {
    return decompress(
        new BufferedInputStream(Files.newInputStream(file.physicalPath()), BUFFER), file.compression());
  }

  /**
   * The year for lines that carry none, first known of: the glog start time in the name, a
   * {@code yyyyMMdd} rotation stamp in the name, the file's modification time (for files
   * staged from an archive, the archive entry's time: staging copies it to the staged file),
   * the current year of {@code clock}.
   */
  public static int yearHint(BundleFile file, Clock clock) {
    if (file.glog() != null && file.glog().started() != null) return file.glog().started().getYear();
    LocalDate stamped = FileNames.dateInName(file.filename());
    if (stamped != null) return stamped.getYear();
    int now = LocalDate.now(clock).getYear();
    try {
      int modified =
          Files.getLastModifiedTime(file.physicalPath()).toInstant().atZone(ZoneOffset.UTC).getYear();
      if (modified >= OLDEST_PLAUSIBLE_YEAR && modified <= now + 1) return modified;
    } catch (IOException e) {
      // no usable time on disk: fall through to the clock
    }
    return now;
  }

  /** {@link #yearHint(BundleFile, Clock)} with the UTC system clock. */
  public static int yearHint(BundleFile file) {
    return yearHint(file, Clock.systemUTC());
  }

  /** Wraps {@code raw} in the decompressor for {@code compression}; closes raw on failure. */
  static InputStream decompress(InputStream raw, BundleFile.Compression compression)
      throws IOException {
    try {
      return switch (compression) {
        case NONE -> raw;
        case GZIP -> GzipCompressorInputStream.builder()
            .setInputStream(raw).setDecompressConcatenated(true).get();
        case XZ -> XZCompressorInputStream.builder()
            .setInputStream(raw).setDecompressConcatenated(true).setMemoryLimitKiB(XZ_MEMORY_KIB).get();
      };
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }
}
