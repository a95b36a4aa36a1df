package io.bundlescope.index.lucene;

import io.bundlescope.index.RecordContext;
import io.bundlescope.parsers.LogRecord;
import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The records around one record in its file. A file is one chunk, so its records are the
 * {@code chunk_id} term's documents; the index is sorted by time, not line, so the neighbours
 * are the {@code before} largest lines below the record's and the {@code after} smallest above,
 * kept in bounded arrays over one pass of the chunk's line doc values.
 */
final class FileNeighbours {
  private FileNeighbours() {}

  static Optional<RecordContext> around(IndexSearcher searcher, String recordId, int before,
      int after) throws IOException {
    TopDocs hit = searcher.search(SortedDocValuesField.newSlowExactQuery(RecordDocuments.ID,
        new BytesRef(recordId)), 1);
    if (hit.scoreDocs.length == 0) return Optional.empty();
    LogRecord target = RecordReader.read(searcher.getIndexReader(), new int[] {hit.scoreDocs[0].doc}).get(0);
    Nearest nearest = searcher.search(new TermQuery(new Term(RecordDocuments.CHUNK, target.chunkId())),
        new Nearest(target.lineNumber(), before, after));
    int[] docs = new int[nearest.below.size + 1 + nearest.above.size];
    int at = 0;
    for (int i = nearest.below.size - 1; i >= 0; i--) docs[at++] = nearest.below.doc(i);
    int targetIndex = at;
    docs[at++] = hit.scoreDocs[0].doc;
    for (int i = 0; i < nearest.above.size; i++) docs[at++] = nearest.above.doc(i);
    return Optional.of(new RecordContext(RecordReader.read(searcher.getIndexReader(), docs), targetIndex));
  }

  /** The k docs whose lines are closest to a line on one side, closest first. */
  private static final class Closest {
    final long[] distance;
    final int[] docs;
    int size;

    Closest(int k) {
      distance = new long[k];
      docs = new int[k];
    }

    /** Insertion into a sorted array: k is small (at most the API's limit). */
    void offer(long d, int doc) {
      if (distance.length == 0 || (size == distance.length && d >= distance[size - 1])) return;
      int i = size == distance.length ? size - 1 : size++;
      while (i > 0 && distance[i - 1] > d) {
        distance[i] = distance[i - 1];
        docs[i] = docs[i - 1];
        i--;
      }
      distance[i] = d;
      docs[i] = doc;
    }

    int doc(int i) {
      return docs[i];
    }

    void merge(Closest other) {
      for (int i = 0; i < other.size; i++) offer(other.distance[i], other.docs[i]);
    }
  }

  private static final class Nearest
      implements CollectorManager<Nearest.Side, Nearest> {
    final long line;
    final Closest below;
    final Closest above;

    Nearest(long line, int before, int after) {
      this.line = line;
      this.below = new Closest(before);
      this.above = new Closest(after);
    }

    @Override
    public Side newCollector() {
      return new Side();
    }

    @Override
    public Nearest reduce(Collection<Side> sides) {
      for (Side s : sides) {
        below.merge(s.below);
        above.merge(s.above);
      }
      return this;
    }

    /** One search slice's candidates, doc ids of the top-level reader. */
    final class Side implements Collector {
      final Closest below = new Closest(Nearest.this.below.distance.length);
      final Closest above = new Closest(Nearest.this.above.distance.length);

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }

      @Override
      public LeafCollector getLeafCollector(LeafReaderContext ctx) throws IOException {
        NumericDocValues lines = DocValues.getNumeric(ctx.reader(), RecordDocuments.LINE);
        return new LeafCollector() {
          @Override
          public void setScorer(Scorable scorer) {}

          @Override
          public void collect(int doc) throws IOException {
            if (!lines.advanceExact(doc)) return;
            long l = lines.longValue();
            if (l < line) below.offer(line - l, ctx.docBase + doc);
            else if (l > line) above.offer(l - line, ctx.docBase + doc);
          }
        };
      }
    }
  }
}
