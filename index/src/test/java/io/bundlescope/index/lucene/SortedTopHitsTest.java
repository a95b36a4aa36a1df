package io.bundlescope.index.lucene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index-sort fast path returns exactly what Lucene's sorting collector returns. */
class SortedTopHitsTest {
  @TempDir Path root;

  /** A partition of many small segments with deletions and records in random time order. */
  private BundlePartition partition(String bundle, long seed) throws IOException {
    BundlePartition p = BundlePartition.openWritable(bundle, root.resolve(bundle), Duration.ZERO);
    Random random = new Random(seed);
    for (int i = 0; i < 3000; i++) {
      LogRecord r = Fixtures.record(bundle, i, "svc" + random.nextInt(3), "10.0.0.1",
          LogLevel.values()[random.nextInt(4)], 1L, Fixtures.T0 + random.nextInt(500),
          "word" + random.nextInt(20), "c" + random.nextInt(9));
      p.add(RecordDocuments.toDocument(r));
      if (i % 250 == 249) p.commit();
    }
    p.deleteChunk("c4");
    p.commit();
    return p;
  }

  @Test
  void matchesTheSortingCollectorOnEveryPageOfRandomQueries() throws IOException {
    try (BundlePartition a = partition("a", 1); BundlePartition b = partition("b", 2)) {
      IndexSearcher sa = a.acquire();
      IndexSearcher sb = b.acquire();
      try (MultiReader both = new MultiReader(
          new IndexReader[] {sa.getIndexReader(), sb.getIndexReader()}, false)) {
        assertTrue(sa.getIndexReader().leaves().size() > 2,
            "want several segments: " + sa.getIndexReader().leaves());
        for (var leaf : both.leaves()) { // so top() takes its fast path, not the fallback
          assertEquals(Cursors.indexSort(), leaf.reader().getMetaData().getSort());
        }
        Random random = new Random(7);
        List<Query> queries = List.of(new MatchAllDocsQuery(),
            QueryTranslator.translate(Fixtures.query("a").services("svc1").build(), LuceneLogStore.DEFAULT_REGEX_BUDGET),
            QueryTranslator.translate(Fixtures.query("a").text("word3 OR word4").build(), LuceneLogStore.DEFAULT_REGEX_BUDGET),
            QueryTranslator.translate(Fixtures.query("a").text("word19")
                .between(Fixtures.T0 + 100, Fixtures.T0 + 200).build(), LuceneLogStore.DEFAULT_REGEX_BUDGET));
        for (IndexSearcher searcher : List.of(sa, new IndexSearcher(both))) {
          for (Query query : queries) {
            for (boolean descending : new boolean[] {false, true}) {
              int limit = 1 + random.nextInt(300);
              assertSamePages(searcher, query, limit, descending);
            }
          }
        }
      } finally {
        a.release(sa);
        b.release(sb);
      }
    }
  }

  private static void assertSamePages(IndexSearcher searcher, Query query, int limit,
      boolean descending) throws IOException {
    Cursors.Position after = null;
    int pages = 0;
    List<Integer> seen = new ArrayList<>();
    while (true) {
      SortedTopHits.Page fast = SortedTopHits.top(searcher, query, after, limit, descending);
      SortedTopHits.Page slow = SortedTopHits.collector(searcher, query, after, limit, descending);
      String where = query + " desc=" + descending + " limit=" + limit + " page=" + pages;
      assertArrayEquals(slow.docs(), fast.docs(), where);
      assertEquals(slow.last(), fast.last(), where);
      assertEquals(slow.more(), fast.more(), where);
      for (int doc : fast.docs()) seen.add(doc);
      if (!fast.more()) break;
      after = fast.last();
      pages++;
    }
    assertEquals(searcher.count(query), seen.size());
    assertEquals(seen.size(), seen.stream().distinct().count());
  }
}
