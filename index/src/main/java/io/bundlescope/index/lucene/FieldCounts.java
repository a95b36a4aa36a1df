package io.bundlescope.index.lucene;

import io.bundlescope.index.Bucket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
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
 * Exact counts of a doc-values field's values over every matching document. Per segment it
 * counts into an array indexed by term ordinal (keyword fields) or a small open-addressing table
 * (numeric fields), and only turns the non-zero entries into keys when the segment is done.
 * Documents without a value are not counted.
 */
final class FieldCounts implements CollectorManager<FieldCounts.Counter, List<Bucket>> {
  private final String field;
  private final boolean numeric;

  private FieldCounts(String field, boolean numeric) {
    this.field = field;
    this.numeric = numeric;
  }

  /** Counts a keyword field with SortedDocValues. */
  static FieldCounts ofKeyword(String field) {
    return new FieldCounts(field, false);
  }

  /** Counts a numeric field with NumericDocValues; keys are the numbers in decimal. */
  static FieldCounts ofNumber(String field) {
    return new FieldCounts(field, true);
  }

  @Override
  public Counter newCollector() {
    return new Counter();
  }

  /** Buckets sorted by count descending, then key. */
  @Override
  public List<Bucket> reduce(Collection<Counter> collectors) {
    Map<String, Long> total = new HashMap<>();
    for (Counter c : collectors) c.counts.forEach((k, v) -> total.merge(k, v, Long::sum));
    List<Bucket> buckets = new ArrayList<>(total.size());
    total.forEach((k, v) -> buckets.add(new Bucket(k, v)));
    buckets.sort(Comparator.comparingLong(Bucket::count).reversed().thenComparing(Bucket::key));
    return buckets;
  }

  /** One collector per search slice. */
  final class Counter implements Collector {
    final Map<String, Long> counts = new HashMap<>();

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext ctx) throws IOException {
      return numeric
          ? new NumberLeaf(DocValues.getNumeric(ctx.reader(), field), counts)
          : new KeywordLeaf(DocValues.getSorted(ctx.reader(), field), counts);
    }
  }

  private abstract static class Leaf implements LeafCollector {
    @Override
    public void setScorer(Scorable scorer) {}
  }

  private static final class KeywordLeaf extends Leaf {
    private final SortedDocValues values;
    private final int[] perOrd;
    private final Map<String, Long> into;

    KeywordLeaf(SortedDocValues values, Map<String, Long> into) {
      this.values = values;
      this.perOrd = new int[values.getValueCount()];
      this.into = into;
    }

    @Override
    public void collect(int doc) throws IOException {
      if (values.advanceExact(doc)) perOrd[values.ordValue()]++;
    }

    @Override
    public void finish() throws IOException {
      for (int ord = 0; ord < perOrd.length; ord++) {
        if (perOrd[ord] > 0) {
          into.merge(values.lookupOrd(ord).utf8ToString(), (long) perOrd[ord], Long::sum);
        }
      }
    }
  }

  private static final class NumberLeaf extends Leaf {
    private final NumericDocValues values;
    private final Map<String, Long> into;
    private long[] keys = new long[16];
    private long[] counts = new long[16];
    private int size;

    NumberLeaf(NumericDocValues values, Map<String, Long> into) {
      this.values = values;
      this.into = into;
    }

    @Override
    public void collect(int doc) throws IOException {
      if (values.advanceExact(doc)) increment(values.longValue());
    }

    /** Linear probing; a slot is free when its count is 0. */
    private void increment(long key) {
      int mask = keys.length - 1;
      int slot = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
      while (counts[slot] != 0 && keys[slot] != key) slot = (slot + 1) & mask;
      if (counts[slot] == 0) {
        keys[slot] = key;
        if (++size * 2 > keys.length) {
          counts[slot] = 1;
          grow();
          return;
        }
      }
      counts[slot]++;
    }

    private void grow() {
      long[] oldKeys = keys;
      long[] oldCounts = counts;
      keys = new long[oldKeys.length * 2];
      counts = new long[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldCounts[i] == 0) continue;
        int slot = Long.hashCode(oldKeys[i] * 0x9E3779B97F4A7C15L) & mask;
        while (counts[slot] != 0) slot = (slot + 1) & mask;
        keys[slot] = oldKeys[i];
        counts[slot] = oldCounts[i];
      }
    }

    @Override
    public void finish() {
      for (int i = 0; i < keys.length; i++) {
        if (counts[i] > 0) into.merge(Long.toString(keys[i]), counts[i], Long::sum);
      }
    }
  }
}
