package io.bundlescope.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bundlescope.index.Intervals;
import org.junit.jupiter.api.Test;

class IntervalsTest {
  @Test
  void parsesAndFormatsTheApiSpelling() {
    assertEquals(30_000_000L, Intervals.parse("30s"));
    assertEquals(300_000_000L, Intervals.parse("5m"));
    assertEquals(3_600_000_000L, Intervals.parse("1H"));
    assertEquals(500_000L, Intervals.parse("500ms"));
    assertEquals("5m", Intervals.format(300_000_000L));
    assertEquals("90s", Intervals.format(90_000_000L));
    assertEquals("1d", Intervals.format(Intervals.parse("24h")));
    for (String bad : new String[] {"0s", "5", "m", "1w", "-5m", "1.5h"}) {
      assertThrows(IllegalArgumentException.class, () -> Intervals.parse(bad), bad);
    }
  }

  @Test
  void automaticWidthsGiveBetween80And200Slots() {
    long from = 1_700_000_000_123_456L;
    assertEquals(1_000, Intervals.auto(from, from + 2_000), "1 ms is the finest width");
    for (long span = 200_000; span < 400L * 24 * 3600 * 1_000_000; span = span * 3 / 2) {
      long slots = Intervals.slots(from, from + span, Intervals.auto(from, from + span));
      assertTrue(slots <= 200 && slots >= 80, slots + " slots for a span of " + span + " us");
    }
  }
}
