package io.bundlescope.index;

import java.util.List;
import java.util.Map;

/**
 * Counts of matching records per time slot, optionally split by a keyword field.
 *
 * @param intervalMicros width of every slot
 * @param split the field counts are split by, or null
 * @param splitKeys every key of the split field with a count, largest total first, then by key
 * @param slots consecutive slots from the first to the last of the time span (empty ones too);
 *     no slots when nothing matches and no time range is given
 */
public record Histogram(long intervalMicros, GroupField split, List<String> splitKeys, List<Slot> slots) {

  /**
   * @param startMicros inclusive start, a multiple of the interval since the epoch (UTC)
   * @param count matching records in [start, start + interval)
   * @param bySplit non-zero counts per split key (empty without a split)
   */
  public record Slot(long startMicros, long count, Map<String, Long> bySplit) {}

  public long total() {
    return slots.stream().mapToLong(Slot::count).sum();
  }
}
