package io.bundlescope.index.lucene;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts matching documents per time slot from the {@code time} doc values, and per slot and
 * key of a keyword field from its ordinals: a segment counts into arrays indexed by slot (and
 * ordinal), and only turns ordinals into keys when it is done. Stored fields are never read.
 * Documents outside [first slot, last slot] are not counted.
 */
final class TimeSlots implements CollectorManager<TimeSlots.Counter, TimeSlots.Counts> {
  private final long originMicros;
  private final long widthMicros;
  private final int slots;
  private final String splitField; // null: no split

  /** Slot i covers [origin + i * width, origin + (i + 1) * width). */
  TimeSlots(long originMicros, long widthMicros, int slots, String splitField) {
    this.originMicros = originMicros;
    this.widthMicros = widthMicros;
    this.slots = slots;
    this.splitField = splitField;
  }

  /** Totals per slot and, with a split, per key and slot. */
  record Counts(long[] total, Map<String, long[]> byKey) {}

  @Override
  public Counter newCollector() {
    return new Counter();
  }

  @Override
  public Counts reduce(Collection<Counter> collectors) {
    long[] total = new long[slots];
    Map<String, long[]> byKey = new HashMap<>();
    for (Counter c : collectors) {
      for (int i = 0; i < slots; i++) total[i] += c.total[i];
      c.byKey.forEach((key, counts) -> {
        long[] into = byKey.computeIfAbsent(key, k -> new long[slots]);
        for (int i = 0; i < slots; i++) into[i] += counts[i];
      });
    }
    return new Counts(total, byKey);
  }

  /** One collector per search slice. */
  final class Counter implements Collector {
    final long[] total = new long[slots];
    final Map<String, long[]> byKey = new HashMap<>();

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext ctx) throws IOException {
      NumericDocValues times = DocValues.getNumeric(ctx.reader(), RecordDocuments.TIME);
      SortedDocValues keys = splitField == null ? null : DocValues.getSorted(ctx.reader(), splitField);
      return new Leaf(times, keys);
    }

    private final class Leaf implements LeafCollector {
      private final NumericDocValues times;
      private final SortedDocValues keys;
      private final int[][] perSlotOrd; // [slot][ord], a row allocated on first use

      Leaf(NumericDocValues times, SortedDocValues keys) {
        this.times = times;
        this.keys = keys;
        this.perSlotOrd = keys == null ? null : new int[slots][];
      }

      @Override
      public void setScorer(Scorable scorer) {}

      @Override
      public void collect(int doc) throws IOException {
        if (!times.advanceExact(doc)) return;
        long slot = Math.floorDiv(times.longValue() - originMicros, widthMicros);
        if (slot < 0 || slot >= slots) return;
        int s = (int) slot;
        total[s]++;
        if (keys != null && keys.advanceExact(doc)) {
          int[] row = perSlotOrd[s];
          if (row == null) row = perSlotOrd[s] = new int[keys.getValueCount()];
          row[keys.ordValue()]++;
        }
      }

      @Override
      public void finish() throws IOException {
        if (keys == null) return;
        long[][] byOrd = new long[keys.getValueCount()][];
        for (int s = 0; s < slots; s++) {
          int[] row = perSlotOrd[s];
          if (row == null) continue;
          for (int ord = 0; ord < row.length; ord++) {
            if (row[ord] == 0) continue;
            if (byOrd[ord] == null) {
              byOrd[ord] = byKey.computeIfAbsent(keys.lookupOrd(ord).utf8ToString(), k -> new long[slots]);
            }
            byOrd[ord][s] += row[ord];
          }
        }
      }
    }
  }
}
