package io.bundlescope.index.lucene;

import io.bundlescope.index.lucene.Cursors.Position;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * A page of hits in (time, line, id) order, read off the index sort.
 *
 * <p>Every segment is sorted by that order, so within a segment doc id order is result order.
 * Per segment: binary-search the cursor in the doc values, then take the first {@code n}
 * matches after it (ascending) or the last {@code n} before it (descending, scanning doc id
 * windows backwards that grow 4x). The segments' candidates are merged by their sort values.
 * Cost is about {@code n} matches per segment in both directions, whatever the index size; a
 * TopFieldCollector would have to push every match through its queue when sorting against the
 * index order. Segments without the expected sort fall back to the TopFieldCollector.
 */
final class SortedTopHits {
  /**
   * @param docs at most the requested number of doc ids (of the searcher's reader), in order
   * @param last the position of the last doc, or null when there is none
   * @param more whether further hits follow
   */
  record Page(int[] docs, Position last, boolean more) {}

  private SortedTopHits() {}

  static Page top(IndexSearcher searcher, Query query, Position after, int limit,
      boolean descending) throws IOException {
    int n = limit + 1; // one more tells whether another page exists
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      if (!Cursors.indexSort().equals(leaf.reader().getMetaData().getSort())) {
        return collector(searcher, query, after, limit, descending);
      }
    }
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
    List<Candidate> candidates = new ArrayList<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      collect(leaf, weight, after, n, descending, candidates);
    }
    Comparator<Candidate> order = descending ? Candidate.ORDER.reversed() : Candidate.ORDER;
    candidates.sort(order);
    int size = Math.min(limit, candidates.size());
    int[] docs = new int[size];
    for (int i = 0; i < size; i++) docs[i] = candidates.get(i).doc;
    Position last = size == 0 ? null : candidates.get(size - 1).position();
    return new Page(docs, last, candidates.size() > limit);
  }

  private static void collect(LeafReaderContext leaf, Weight weight, Position after, int n,
      boolean descending, List<Candidate> out) throws IOException {
    LeafReader reader = leaf.reader();
    int from = 0;
    int to = reader.maxDoc();
    if (after != null) {
      if (descending) to = firstDoc(reader, after, false);
      else from = firstDoc(reader, after, true);
    }
    if (from >= to) return;
    int[] docs = descending
        ? lastMatches(leaf, weight, from, to, n)
        : firstMatches(leaf, weight, from, to, n);
    NumericDocValues times = DocValues.getNumeric(reader, RecordDocuments.TIME);
    NumericDocValues lines = DocValues.getNumeric(reader, RecordDocuments.LINE);
    SortedDocValues ids = DocValues.getSorted(reader, RecordDocuments.ID);
    for (int doc : docs) { // ascending: doc values iterators only move forward
      times.advanceExact(doc);
      lines.advanceExact(doc);
      ids.advanceExact(doc);
      out.add(new Candidate(leaf.docBase + doc, leaf.ord, times.longValue(), lines.longValue(),
          ids.ordValue(), ids));
    }
  }

  /** The first doc after {@code p} ({@code strictly}) or at or after it (not strictly). */
  private static int firstDoc(LeafReader reader, Position p, boolean strictly) throws IOException {
    int lo = 0;
    int hi = reader.maxDoc();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int c = compare(reader, mid, p);
      if (c > 0 || (c == 0 && !strictly)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Compares a doc's sort values with a position, reading only as many fields as needed. */
  private static int compare(LeafReader reader, int doc, Position p) throws IOException {
    NumericDocValues times = DocValues.getNumeric(reader, RecordDocuments.TIME);
    times.advanceExact(doc);
    int c = Long.compare(times.longValue(), p.time());
    if (c != 0) return c;
    NumericDocValues lines = DocValues.getNumeric(reader, RecordDocuments.LINE);
    lines.advanceExact(doc);
    c = Long.compare(lines.longValue(), p.line());
    if (c != 0) return c;
    SortedDocValues ids = DocValues.getSorted(reader, RecordDocuments.ID);
    ids.advanceExact(doc);
    return ids.lookupOrd(ids.ordValue()).compareTo(p.id());
  }

  private static int[] firstMatches(LeafReaderContext leaf, Weight weight, int from, int to, int n)
      throws IOException {
    Scorer scorer = weight.scorer(leaf);
    if (scorer == null) return new int[0];
    return matches(scorer.iterator(), leaf.reader().getLiveDocs(), from, to, n);
  }

  /** The last n matches in [from, to): windows backwards, sized from the match density. */
  private static int[] lastMatches(LeafReaderContext leaf, Weight weight, int from, int to, int n)
      throws IOException {
    Scorer scorer = weight.scorer(leaf);
    if (scorer == null) return new int[0];
    Bits live = leaf.reader().getLiveDocs();
    double density = Math.max(1, scorer.iterator().cost()) / (double) leaf.reader().maxDoc();
    long window = (long) Math.ceil(n / Math.min(1, density) * 2) + 64;
    List<int[]> windows = new ArrayList<>(); // latest first
    int found = 0;
    int end = to;
    while (true) {
      int start = (int) Math.max(from, end - window);
      int[] docs = matches(scorer.iterator(), live, start, end, Integer.MAX_VALUE);
      windows.add(docs);
      found += docs.length;
      if (found >= n || start == from) break;
      end = start;
      window *= 4;
      scorer = weight.scorer(leaf); // iterators only move forward: start over, further back
    }
    int[] last = new int[Math.min(n, found)];
    int at = last.length;
    for (int[] docs : windows) {
      int take = Math.min(at, docs.length);
      System.arraycopy(docs, docs.length - take, last, at - take, take);
      at -= take;
      if (at == 0) break;
    }
    return last;
  }

  /** Up to n live matches in [from, to), ascending. */
  private static int[] matches(DocIdSetIterator it, Bits live, int from, int to, int n)
      throws IOException {
    int[] docs = new int[Math.min(n, 64)];
    int size = 0;
    for (int doc = it.advance(from); doc < to && size < n; doc = it.nextDoc()) {
      if (live != null && !live.get(doc)) continue;
      if (size == docs.length) docs = ArrayUtil.grow(docs);
      docs[size++] = doc;
    }
    return Arrays.copyOf(docs, size);
  }

  /** The general path: Lucene's sorting collector, for segments not sorted by the index sort. */
  static Page collector(IndexSearcher searcher, Query query, Position after, int limit,
      boolean descending) throws IOException {
    FieldDoc top = after == null ? null
        : new FieldDoc(Integer.MAX_VALUE, Float.NaN, // equal sort values = already returned
            new Object[] {after.time(), after.line(), after.id()});
    TopFieldDocs hits = searcher.search(query,
        new TopFieldCollectorManager(Cursors.order(descending), limit + 1, top, limit + 1));
    int size = Math.min(limit, hits.scoreDocs.length);
    int[] docs = new int[size];
    for (int i = 0; i < size; i++) docs[i] = hits.scoreDocs[i].doc;
    Position last = null;
    if (size > 0) {
      ScoreDoc hit = hits.scoreDocs[size - 1];
      Object[] v = ((FieldDoc) hit).fields;
      last = new Position((Long) v[0], (Long) v[1], BytesRef.deepCopyOf((BytesRef) v[2]));
    }
    return new Page(docs, last, hits.scoreDocs.length > limit);
  }

  /** A hit of one segment with its sort values; ids compare by ordinal within a segment. */
  private record Candidate(int doc, int leaf, long time, long line, int ord, SortedDocValues ids) {
    static final Comparator<Candidate> ORDER = (a, b) -> {
      int c = Long.compare(a.time, b.time);
      if (c == 0) c = Long.compare(a.line, b.line);
      if (c != 0) return c;
      if (a.leaf == b.leaf) return Integer.compare(a.ord, b.ord);
      return BytesRef.deepCopyOf(a.id()).compareTo(b.id());
    };

    BytesRef id() {
      try {
        return ids.lookupOrd(ord);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    Position position() {
      return new Position(time, line, BytesRef.deepCopyOf(id()));
    }
  }
}
