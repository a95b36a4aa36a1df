package io.bundlescope.index.lucene;

import io.bundlescope.index.GroupField;
import io.bundlescope.index.Histogram;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns {@link TimeSlots} counts into a {@link Histogram}: keys ordered, zero counts left out. */
final class HistogramAssembly {
  private HistogramAssembly() {}

  static Histogram of(long width, GroupField split, long origin, TimeSlots.Counts counts) {
    List<Map.Entry<String, Long>> totals = new ArrayList<>();
    counts.byKey().forEach((key, perSlot) -> totals.add(Map.entry(key, Arrays.stream(perSlot).sum())));
    totals.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    List<String> keys = totals.stream().map(Map.Entry::getKey).toList();
    List<Histogram.Slot> slots = new ArrayList<>(counts.total().length);
    for (int i = 0; i < counts.total().length; i++) {
      Map<String, Long> bySplit = new LinkedHashMap<>();
      for (String key : keys) {
        long n = counts.byKey().get(key)[i];
        if (n > 0) bySplit.put(key, n);
      }
      slots.add(new Histogram.Slot(origin + i * width, counts.total()[i], bySplit));
    }
    return new Histogram(width, split, keys, slots);
  }
}
