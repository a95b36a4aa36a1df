package io.bundlescope.index;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Histogram slot widths: the automatic choice and the API's spelling ({@code 30s}, {@code 5m}). */
public final class Intervals {
  /** At most this many slots in an automatic histogram. */
  public static final int AUTO_MAX_SLOTS = 200;
  /** At most this many slots in any histogram. */
  public static final int MAX_SLOTS = 10_000;

  private static final long MS = 1_000;
  private static final long S = 1_000 * MS;
  private static final long M = 60 * S;
  private static final long H = 60 * M;
  private static final long D = 24 * H;
  /** Round widths; each is at most 2.5x the previous, so an automatic span gets 80-200 slots. */
  private static final long[] LADDER = {
    MS, 2 * MS, 5 * MS, 10 * MS, 20 * MS, 50 * MS, 100 * MS, 200 * MS, 500 * MS,
    S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S, M, 2 * M, 5 * M, 10 * M, 15 * M, 30 * M,
    H, 2 * H, 3 * H, 6 * H, 12 * H, D, 2 * D, 5 * D, 7 * D, 14 * D, 30 * D, 60 * D, 120 * D, 365 * D
  };
  private static final Pattern SPELLING = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  private Intervals() {}

  /** The smallest round width that covers [from, to) in at most {@link #AUTO_MAX_SLOTS} slots. */
  public static long auto(long fromMicros, long toMicros) {
    for (long width : LADDER) {
      if (slots(fromMicros, toMicros, width) <= AUTO_MAX_SLOTS) return width;
    }
    return LADDER[LADDER.length - 1];
  }

  /** Number of epoch-aligned slots of {@code width} that [from, to) touches (at least 1). */
  public static long slots(long fromMicros, long toMicros, long width) {
    long last = Math.max(fromMicros, toMicros - 1);
    return Math.floorDiv(last, width) - Math.floorDiv(fromMicros, width) + 1;
  }

  /**
   * Parses {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d} into micros.
   *
   * @throws IllegalArgumentException for anything else or a zero width
   */
  public static long parse(String text) {
    Matcher m = SPELLING.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new IllegalArgumentException(
          "interval must be auto or a positive number with ms, s, m, h or d, such as 30s or 5m");
    }
    long n = Long.parseLong(m.group(1));
    return n * switch (m.group(2)) {
      case "ms" -> MS;
      case "s" -> S;
      case "m" -> M;
      case "h" -> H;
      default -> D;
    };
  }

  /** The API spelling of a width: the largest unit that divides it. */
  public static String format(long micros) {
    if (micros % D == 0) return micros / D + "d";
    if (micros % H == 0) return micros / H + "h";
    if (micros % M == 0) return micros / M + "m";
    if (micros % S == 0) return micros / S + "s";
    if (micros % MS == 0) return micros / MS + "ms";
    return micros + "us";
  }
}
