package io.bundlescope.index.lucene;

import io.bundlescope.index.TemplateNodeCounts;
import io.bundlescope.parsers.LogLevel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
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
 * Per (template id, node): count, counts per level and per time slot of the matching records,
 * in one pass over doc values. Node and level ords are per segment, so a segment collects under
 * (template, node ord) and turns ords into strings once when it finishes. Slots are
 * {@code width} wide from {@code origin}; a time outside the series is counted in the nearest
 * end slot.
 */
final class TemplateNodeSeries implements CollectorManager<TemplateNodeSeries.Slice, List<TemplateNodeCounts>> {
  private static final LogLevel[] LEVELS = LogLevel.values();
  private final long origin;
  private final long width;
  private final int slots;

  TemplateNodeSeries(long origin, long width, int slots) {
    if (width <= 0 || slots <= 0) throw new IllegalArgumentException("a series needs a positive width and slot count");
    this.origin = origin;
    this.width = width;
    this.slots = slots;
  }

  private record Key(long template, String node) {}

  /** A key within one segment: the node's ord + 1 (0 = no node). */
  private record LeafKey(long template, int nodeOrd) {}

  private final class Acc {
    long count;
    final long[] levels = new long[LEVELS.length];
    final int[] series = new int[slots];

    void merge(Acc o) {
      count += o.count;
      for (int i = 0; i < levels.length; i++) levels[i] += o.levels[i];
      for (int i = 0; i < series.length; i++) series[i] += o.series[i];
    }
  }

  @Override
  public Slice newCollector() {
    return new Slice();
  }

  /** Largest count first, then by template id and node. */
  @Override
  public List<TemplateNodeCounts> reduce(Collection<Slice> parts) {
    Map<Key, Acc> total = new HashMap<>();
    for (Slice s : parts) s.byPair.forEach((k, acc) -> total.computeIfAbsent(k, x -> new Acc()).merge(acc));
    List<TemplateNodeCounts> out = new ArrayList<>(total.size());
    total.forEach((k, a) -> {
      Map<LogLevel, Long> levels = new EnumMap<>(LogLevel.class);
      for (int i = 0; i < LEVELS.length; i++) if (a.levels[i] > 0) levels.put(LEVELS[i], a.levels[i]);
      out.add(new TemplateNodeCounts(k.template(), k.node(), a.count, levels, a.series));
    });
    out.sort(Comparator.comparingLong(TemplateNodeCounts::count).reversed()
        .thenComparingLong(TemplateNodeCounts::templateId)
        .thenComparing(TemplateNodeCounts::cvmIp, Comparator.nullsFirst(Comparator.naturalOrder())));
    return out;
  }

  final class Slice implements Collector {
    final Map<Key, Acc> byPair = new HashMap<>();

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext ctx) throws IOException {
      return new Leaf(ctx, byPair);
    }
  }

  private final class Leaf implements LeafCollector {
    private final NumericDocValues template;
    private final NumericDocValues time;
    private final SortedDocValues node;
    private final SortedDocValues level;
    private final int[] levelOfOrd;
    private final Map<Key, Acc> into;
    private final Map<LeafKey, Acc> here = new HashMap<>();

    Leaf(LeafReaderContext ctx, Map<Key, Acc> into) throws IOException {
      template = DocValues.getNumeric(ctx.reader(), RecordDocuments.TEMPLATE);
      time = DocValues.getNumeric(ctx.reader(), RecordDocuments.TIME);
      node = DocValues.getSorted(ctx.reader(), RecordDocuments.CVM_IP);
      level = DocValues.getSorted(ctx.reader(), RecordDocuments.LEVEL);
      levelOfOrd = new int[level.getValueCount()];
      for (int o = 0; o < levelOfOrd.length; o++) levelOfOrd[o] = LogLevel.normalize(level.lookupOrd(o).utf8ToString()).ordinal();
      this.into = into;
    }

    @Override
    public void setScorer(Scorable scorer) {}

    @Override
    public void collect(int doc) throws IOException {
      if (!template.advanceExact(doc)) return;
      long id = template.longValue();
      int nodeOrd = node.advanceExact(doc) ? node.ordValue() + 1 : 0;
      Acc acc = here.computeIfAbsent(new LeafKey(id, nodeOrd), k -> new Acc());
      acc.count++;
      acc.levels[level.advanceExact(doc) ? levelOfOrd[level.ordValue()] : LogLevel.UNKNOWN.ordinal()]++;
      if (time.advanceExact(doc)) {
        long slot = Math.floorDiv(time.longValue() - origin, width);
        acc.series[(int) Math.max(0, Math.min(slots - 1, slot))]++;
      }
    }

    @Override
    public void finish() throws IOException {
      Map<Integer, String> names = new HashMap<>();
      for (Map.Entry<LeafKey, Acc> e : here.entrySet()) {
        int ord = e.getKey().nodeOrd();
        String name = null;
        if (ord > 0) {
          name = names.get(ord);
          if (name == null) names.put(ord, name = node.lookupOrd(ord - 1).utf8ToString());
        }
        into.computeIfAbsent(new Key(e.getKey().template(), name), k -> new Acc()).merge(e.getValue());
      }
    }
  }
}
