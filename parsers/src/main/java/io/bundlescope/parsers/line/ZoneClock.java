package io.bundlescope.parsers.line;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Wall-clock times of one zone (the file's, for lines that carry no offset) to UTC, as
 * {@link Times#zonedMicros} would (java.time's rules for gaps and overlaps), without allocating
 * for a fixed offset or, for a zone with rules, within a local hour already seen whose offset
 * does not change inside it. One instance per format instance, i.e. per file.
 */
final class ZoneClock {
  private static final long SECOND = 1_000_000L;
  private static final long HOUR = 3_600L * SECOND;

  private final ZoneId zone;
  private final boolean fixed;
  private final long fixedOffset;
  private long cachedHour = Long.MIN_VALUE;
  private long cachedOffset;

  ZoneClock(ZoneId zone) {
    this.zone = zone;
    this.fixed = zone.getRules().isFixedOffset();
    this.fixedOffset = fixed ? zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds() * SECOND : 0;
  }

  /** UTC microseconds of a wall-clock time in the zone. */
  long micros(int y, int mo, int d, int h, int mi, int s, int micros) {
    return toUtc(Times.utcMicros(y, mo, d, h, mi, s, micros));
  }

  /** UTC microseconds of a wall-clock time given as if it were UTC ({@link IsoTime#micros}). */
  long toUtc(long local) {
    if (fixed) return local - fixedOffset;
    long hour = Math.floorDiv(local, HOUR);
    if (hour != cachedHour) {
      long start = hour * HOUR;
      long last = start + HOUR - SECOND;
      long offset = start - exact(start);
      if (last - exact(last) != offset) return exact(local);
      cachedHour = hour;
      cachedOffset = offset;
    }
    return local - cachedOffset;
  }

  private long exact(long local) {
    long seconds = Math.floorDiv(local, SECOND);
    LocalDateTime wall = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    return wall.atZone(zone).toEpochSecond() * SECOND + Math.floorMod(local, SECOND);
  }
}
