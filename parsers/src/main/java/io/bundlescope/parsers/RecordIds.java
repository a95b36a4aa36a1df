package io.bundlescope.parsers;

/**
 * Stable record ids: 16 lower-case hex digits of a 64-bit hash of (bundleId, filepath,
 * lineNumber), so re-ingesting a bundle yields the same ids and a record can be addressed
 * without a lookup. The hash is FNV-1a 64 over the length and UTF-16 code units of bundleId,
 * then of filepath, then the 8 bytes of lineNumber, finished with MurmurHash3's fmix64.
 * Stored ids depend on it: changing it is a data migration. Nulls hash as empty strings.
 */
public final class RecordIds {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private RecordIds() {}

  /** The id of the record starting at lineNumber of filepath in bundleId. */
  public static String of(String bundleId, String filepath, long lineNumber) {
    return of(fileSeed(bundleId, filepath), lineNumber);
  }

  /** The hash state after (bundleId, filepath): compute once per file, then use {@link #of(long, long)}. */
  public static long fileSeed(String bundleId, String filepath) {
    return mix(mix(FNV_OFFSET, bundleId), filepath);
  }

  /** The id of the record at lineNumber of the file whose {@link #fileSeed} is given. */
  public static String of(long fileSeed, long lineNumber) {
    long h = fileSeed;
    for (int shift = 0; shift < 64; shift += 8) h = (h ^ ((lineNumber >>> shift) & 0xff)) * FNV_PRIME;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    char[] out = new char[16];
    for (int i = 15; i >= 0; i--, h >>>= 4) out[i] = HEX[(int) (h & 0xf)];
    return new String(out);
  }

  private static long mix(long h, String s) {
    String text = s == null ? "" : s;
    h = (h ^ text.length()) * FNV_PRIME;
    for (int i = 0; i < text.length(); i++) h = (h ^ text.charAt(i)) * FNV_PRIME;
    return h;
  }
}
