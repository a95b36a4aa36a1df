package io.bundlescope.index.lucene;

import io.bundlescope.index.TemplateStat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
 * Per template id: count, first and last time, nodes and services of the matching records, in
 * one pass over doc values (ords per segment, turned into strings once per segment).
 */
final class TemplateStats implements CollectorManager<TemplateStats.Slice, List<TemplateStat>> {

  /** A template's running totals; node and service names merge in as segments finish. */
  private static final class Acc {
    long count;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    final TreeSet<String> nodes = new TreeSet<>();
    final TreeSet<String> services = new TreeSet<>();

    void merge(Acc o) {
      count += o.count;
      first = Math.min(first, o.first);
      last = Math.max(last, o.last);
      nodes.addAll(o.nodes);
      services.addAll(o.services);
    }
  }

  @Override
  public Slice newCollector() {
    return new Slice();
  }

  /** Largest count first, then by id. */
  @Override
  public List<TemplateStat> reduce(Collection<Slice> slices) {
    Map<Long, Acc> total = new HashMap<>();
    for (Slice s : slices) s.byTemplate.forEach((id, acc) -> total.computeIfAbsent(id, k -> new Acc()).merge(acc));
    List<TemplateStat> stats = new ArrayList<>(total.size());
    total.forEach((id, a) -> stats.add(new TemplateStat(id, a.count, a.first, a.last, a.nodes, a.services)));
    stats.sort(Comparator.comparingLong(TemplateStat::count).reversed().thenComparingLong(TemplateStat::templateId));
    return stats;
  }

  static final class Slice implements Collector {
    final Map<Long, Acc> byTemplate = new HashMap<>();

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext ctx) throws IOException {
      return new Leaf(ctx, byTemplate);
    }
  }

  private static final class Leaf implements LeafCollector {
    private final NumericDocValues template;
    private final NumericDocValues time;
    private final SortedDocValues node;
    private final SortedDocValues service;
    private final Map<Long, Acc> into;
    private final Map<Long, Acc> here = new HashMap<>();
    private final Map<Long, BitSet[]> ords = new HashMap<>();

    Leaf(LeafReaderContext ctx, Map<Long, Acc> into) throws IOException {
      template = DocValues.getNumeric(ctx.reader(), RecordDocuments.TEMPLATE);
      time = DocValues.getNumeric(ctx.reader(), RecordDocuments.TIME);
      node = DocValues.getSorted(ctx.reader(), RecordDocuments.CVM_IP);
      service = DocValues.getSorted(ctx.reader(), RecordDocuments.SERVICE);
      this.into = into;
    }

    @Override
    public void setScorer(Scorable scorer) {}

    @Override
    public void collect(int doc) throws IOException {
      if (!template.advanceExact(doc)) return;
      long id = template.longValue();
      Acc acc = here.computeIfAbsent(id, k -> new Acc());
      acc.count++;
      if (time.advanceExact(doc)) {
        acc.first = Math.min(acc.first, time.longValue());
        acc.last = Math.max(acc.last, time.longValue());
      }
      BitSet[] seen = ords.computeIfAbsent(id, k -> new BitSet[] {new BitSet(), new BitSet()});
      if (node.advanceExact(doc)) seen[0].set(node.ordValue());
      if (service.advanceExact(doc)) seen[1].set(service.ordValue());
    }

    @Override
    public void finish() throws IOException {
      for (Map.Entry<Long, Acc> e : here.entrySet()) {
        BitSet[] seen = ords.get(e.getKey());
        for (int o = seen[0].nextSetBit(0); o >= 0; o = seen[0].nextSetBit(o + 1)) {
          e.getValue().nodes.add(node.lookupOrd(o).utf8ToString());
        }
        for (int o = seen[1].nextSetBit(0); o >= 0; o = seen[1].nextSetBit(o + 1)) {
          e.getValue().services.add(service.lookupOrd(o).utf8ToString());
        }
        into.computeIfAbsent(e.getKey(), k -> new Acc()).merge(e.getValue());
      }
    }
  }
}
