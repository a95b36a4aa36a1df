package io.bundlescope.parsers.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarUtils;

/** Container kind recognized from a file's first bytes (its name only breaks ties). */
enum Magic {
  ZIP, TAR, GZIP, XZ, OTHER;

  /** Bytes to peek at: a tar header needs 512, the text check uses more. */
  static final int HEAD = 8192;

  private static final int TAR_BLOCK = 512;
  private static final byte[] XZ_MAGIC = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};

  boolean isArchive() {
    return this == ZIP || this == TAR;
  }

  boolean isCompressed() {
    return this == GZIP || this == XZ;
  }

  BundleFile.Compression compression() {
    return this == GZIP ? BundleFile.Compression.GZIP
        : this == XZ ? BundleFile.Compression.XZ : BundleFile.Compression.NONE;
  }

  /**
   * The kind of {@code head}. An all-zero first block is an empty tar only when {@code name}
   * says tar (an archive with no entries has no magic).
   */
  static Magic of(byte[] head, int length, String name) {
    if (length >= 4 && head[0] == 'P' && head[1] == 'K'
        && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6) || (head[2] == 7 && head[3] == 8))) {
      return ZIP;
    }
    if (length >= 2 && head[0] == (byte) 0x1f && head[1] == (byte) 0x8b) return GZIP;
    if (length >= XZ_MAGIC.length && Arrays.equals(head, 0, XZ_MAGIC.length, XZ_MAGIC, 0, XZ_MAGIC.length)) {
      return XZ;
    }
    if (length >= TAR_BLOCK) {
      byte[] block = Arrays.copyOf(head, TAR_BLOCK);
      if (TarArchiveInputStream.matches(block, TAR_BLOCK) || hasTarChecksum(block)) return TAR;
      if (isZero(block) && saysTar(name)) return TAR;
    }
    return OTHER;
  }

  /** Plain text as far as the head shows: not empty, no NUL byte. */
  static boolean looksLikeText(byte[] head, int length) {
    if (length == 0) return false;
    for (int i = 0; i < length; i++) {
      if (head[i] == 0) return false;
    }
    return true;
  }

  /** Reads up to {@code buffer.length} bytes; returns how many were read. */
  static int readHead(InputStream in, byte[] buffer) throws IOException {
    int total = 0;
    while (total < buffer.length) {
      int n = in.read(buffer, total, buffer.length - total);
      if (n < 0) break;
      total += n;
    }
    return total;
  }

  /** An old (pre-POSIX) tar header has no magic, only a valid checksum. */
  private static boolean hasTarChecksum(byte[] block) {
    try {
      return TarUtils.verifyCheckSum(block);
    } catch (IllegalArgumentException e) {
      return false; // the checksum field is not octal
    }
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) return false;
    }
    return true;
  }

  private static boolean saysTar(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".tar") || n.endsWith(".tgz") || n.endsWith(".txz")
        || n.endsWith(".tar.gz") || n.endsWith(".tar.xz");
  }
}
