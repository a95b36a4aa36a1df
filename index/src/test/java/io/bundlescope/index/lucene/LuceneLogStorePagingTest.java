package io.bundlescope.index.lucene;

import static io.bundlescope.index.lucene.Fixtures.T0;
import static io.bundlescope.index.lucene.Fixtures.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bundlescope.index.BundleIndexWriter;
import io.bundlescope.index.SearchPage;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cursor paging: complete, stable while the index grows, and strict about its cursors. */
class LuceneLogStorePagingTest {
  private static final Comparator<LogRecord> ORDER = Comparator.comparingLong(LogRecord::timeMicros)
      .thenComparingLong(LogRecord::lineNumber).thenComparing(LogRecord::id);

  @TempDir Path root;
  private LuceneLogStore store;
  private BundleIndexWriter writer;
  private final List<LogRecord> b1 = Fixtures.generated("b1", 300);

  @BeforeEach
  void writeBundle() {
    store = new LuceneLogStore(root, Duration.ZERO);
    writer = store.writer("b1");
    for (int i = 0; i < b1.size(); i++) {
      writer.add(b1.get(i));
      if (i % 70 == 69) writer.commit();
    }
    writer.commit();
  }

  @AfterEach
  void closeStore() throws IOException {
    store.close();
  }

  /** Follows cursors to the end, checking every page's size and total. */
  private List<LogRecord> pageThrough(Fixtures.Query q, int pageSize, long total) {
    List<LogRecord> all = new ArrayList<>();
    String cursor = null;
    do {
      SearchPage page = store.search(q.limit(pageSize).after(cursor).build());
      assertEquals(total, page.total());
      assertTrue(page.records().size() == pageSize || page.nextCursor() == null);
      assertTrue(!page.records().isEmpty() || total == 0, "empty page before the end");
      all.addAll(page.records());
      cursor = page.nextCursor();
    } while (cursor != null);
    return all;
  }

  @Test
  void pagesThroughEveryRecordAscendingWithoutGapsOrDuplicates() {
    assertEquals(b1.stream().sorted(ORDER).toList(), pageThrough(query("b1"), 7, 300));
  }

  @Test
  void pagesThroughEveryRecordDescendingWithoutGapsOrDuplicates() {
    assertEquals(b1.stream().sorted(ORDER.reversed()).toList(),
        pageThrough(query("b1").descending(), 7, 300));
  }

  @Test
  void lastFullPageHasNoCursor() {
    SearchPage page = store.search(query("b1").limit(300).build());
    assertEquals(300, page.records().size());
    assertNull(page.nextCursor());
    assertNotNull(store.search(query("b1").limit(299).build()).nextCursor());
  }

  @Test
  void pagesThroughFilteredResultsOfSeveralBundles() {
    List<LogRecord> b2 = Fixtures.generated("b2", 50);
    BundleIndexWriter w2 = store.writer("b2");
    b2.forEach(w2::add);
    w2.commit();
    List<LogRecord> want = Stream.concat(b1.stream(), b2.stream())
        .filter(r -> r.level() == LogLevel.ERROR).sorted(ORDER.reversed()).toList();
    assertEquals(want, pageThrough(query("b1", "b2").levels(LogLevel.ERROR).descending(), 4,
        want.size()));
  }

  @Test
  void pagingContinuesAfterTheCursorWhileRecordsAreAdded() {
    SearchPage first = store.search(query("b1").limit(50).build());
    LogRecord last = first.records().get(49);
    List<LogRecord> added = List.of(
        Fixtures.record("b1", 1000, "stargate", "10.0.0.1", LogLevel.INFO, 1L, T0, "before", "n"),
        Fixtures.record("b1", 1001, "stargate", "10.0.0.1", LogLevel.INFO, 1L, last.timeMicros(),
            "same time, later line", "n"),
        Fixtures.record("b1", 1002, "stargate", "10.0.0.1", LogLevel.INFO, 1L, T0 + 500_000,
            "after everything", "n"));
    added.forEach(writer::add); // not committed: the near-real-time searcher sees them

    List<LogRecord> rest = new ArrayList<>();
    String cursor = first.nextCursor();
    while (cursor != null) {
      SearchPage page = store.search(query("b1").limit(50).after(cursor).build());
      assertEquals(303, page.total());
      rest.addAll(page.records());
      cursor = page.nextCursor();
    }
    List<LogRecord> all = new ArrayList<>(b1);
    all.addAll(added);
    List<LogRecord> want = all.stream().sorted(ORDER)
        .filter(r -> ORDER.compare(r, last) > 0).toList();
    assertEquals(want, rest);
    assertTrue(rest.contains(added.get(1)) && rest.contains(added.get(2)));
  }

  @Test
  void cursorStaysValidAcrossReopen() throws IOException {
    SearchPage first = store.search(query("b1").descending().limit(100).build());
    store.close();
    store = new LuceneLogStore(root, Duration.ZERO);
    SearchPage second = store.search(query("b1").descending().limit(100)
        .after(first.nextCursor()).build());
    assertEquals(b1.stream().sorted(ORDER.reversed()).skip(100).limit(100).toList(),
        second.records());
  }

  @Test
  void rejectsMalformedCursors() {
    for (String bad : List.of("not a cursor!", "AAAA", "")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> store.search(query("b1").after(bad).build()), bad);
      assertTrue(e.getMessage().startsWith("invalid cursor"), e.getMessage());
    }
  }

  @Test
  void rejectsACursorOfTheOtherOrder() {
    String ascending = store.search(query("b1").limit(5).build()).nextCursor();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> store.search(query("b1").descending().after(ascending).build()));
    assertTrue(e.getMessage().contains("other sort order"), e.getMessage());
  }
}
