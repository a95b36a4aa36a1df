package io.bundlescope.index.lucene;

import static io.bundlescope.index.lucene.Fixtures.T0;
import static io.bundlescope.index.lucene.Fixtures.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bundlescope.index.BundleIndexWriter;
import io.bundlescope.index.InvalidQueryException;
import io.bundlescope.index.RecordContext;
import io.bundlescope.index.SearchPage;
import io.bundlescope.index.TextSpan;
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

/** Context, message IPs, regex, several bundles and highlights, on a real Lucene index. */
class LuceneLogStoreBrowseTest {
  @TempDir Path root;
  private LuceneLogStore store;
  private final List<LogRecord> b1 = Fixtures.generated("b1", 900);
  private final List<LogRecord> b2 = Fixtures.generated("b2", 450);

  @BeforeEach
  void writeBundles() {
    store = new LuceneLogStore(root, Duration.ZERO, Duration.ofMillis(200));
    write("b1", b1, 250);
    write("b2", b2, 1000);
  }

  private void write(String bundle, List<LogRecord> records, int commitEvery) {
    BundleIndexWriter w = store.writer(bundle);
    for (int i = 0; i < records.size(); i++) {
      w.add(records.get(i));
      if (i % commitEvery == commitEvery - 1) w.commit();
    }
    w.commit();
  }

  @AfterEach
  void closeStore() throws IOException {
    store.close();
  }

  @Test
  void contextListsTheRecordsOfTheSameFileAroundItByLine() {
    // chunk "c0" (one file) holds records 0, 3, 6, ...; record n is on line n + 1
    RecordContext ctx = store.context("b1", b1.get(30).id(), 3, 2).orElseThrow();
    assertEquals(List.of(21, 24, 27, 30, 33, 36).stream().map(n -> b1.get(n).id()).toList(),
        ctx.records().stream().map(LogRecord::id).toList());
    assertEquals(3, ctx.targetIndex());
    assertEquals(b1.get(30), ctx.target());
  }

  @Test
  void contextStopsAtTheEdgesOfTheFile() {
    RecordContext first = store.context("b1", b1.get(1).id(), 5, 1).orElseThrow();
    assertEquals(List.of(b1.get(1).id(), b1.get(4).id()), first.records().stream().map(LogRecord::id).toList());
    assertEquals(0, first.targetIndex());
    RecordContext last = store.context("b1", b1.get(899).id(), 1, 5).orElseThrow();
    assertEquals(List.of(b1.get(896).id(), b1.get(899).id()), last.records().stream().map(LogRecord::id).toList());
    assertEquals(List.of(b1.get(899)), store.context("b1", b1.get(899).id(), 0, 0).orElseThrow().records());
  }

  @Test
  void contextOfAnUnknownRecordOrBundleIsEmpty() {
    assertTrue(store.context("b1", "no-such-id", 5, 5).isEmpty());
    assertTrue(store.context("b2", b1.get(3).id(), 5, 5).isEmpty());
    assertTrue(store.context("nobundle", b1.get(3).id(), 5, 5).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> store.context("b1", b1.get(3).id(), -1, 5));
  }

  @Test
  void findsAnIpWrittenAnywhereInTheMessage() {
    BundleIndexWriter w = store.writer("ips");
    w.add(Fixtures.record("ips", 1, "svc", "10.9.9.9", LogLevel.INFO, null, T0, "accepted from 172.16.0.5:41000", "c"));
    w.add(Fixtures.record("ips", 2, "svc", "10.9.9.9", LogLevel.INFO, null, T0, "peer 172.16.0.50 down", "c"));
    w.add(Fixtures.record("ips", 3, "svc", "10.9.9.9", LogLevel.INFO, null, T0, "gossip to 172.16.0.5.", "c"));
    w.commit();
    assertEquals(List.of("ips-00001", "ips-00003"), ids(store.search(query("ips").messageIps("172.16.0.5").build())));
    assertEquals(3, store.count(query("ips").messageIps("172.16.0.5", "172.16.0.50").build()));
    assertEquals(0, store.count(query("ips").messageIps("10.9.9.9").build()), "the node IP is not in the messages");
  }

  @Test
  void regexKeepsOnlyMatchingMessagesOfTheNarrowedSetAndPagesExactly() {
    List<String> want = b1.stream().filter(r -> r.service().equals("cerebro"))
        .filter(r -> r.message().matches(".*number \\d*7$")).map(LogRecord::id).toList();
    List<String> got = new ArrayList<>();
    String cursor = null;
    do {
      SearchPage page = store.search(query("b1").services("cerebro").regex("number \\d*7$").limit(7).after(cursor).build());
      assertEquals(want.size(), page.total());
      got.addAll(ids(page));
      cursor = page.nextCursor();
    } while (cursor != null);
    assertEquals(want, got);
  }

  @Test
  void anInvalidRegexIsRefusedNamingTheParameter() {
    InvalidQueryException e = assertThrows(InvalidQueryException.class,
        () -> store.search(query("b1").regex("number (").build()));
    assertEquals("regex", e.param());
  }

  @Test
  void aCatastrophicallyBacktrackingRegexStopsAtItsBudget() {
    BundleIndexWriter w = store.writer("evil");
    w.add(Fixtures.record("evil", 1, "svc", null, LogLevel.INFO, null, T0, "a".repeat(64) + "!", "c"));
    w.commit();
    InvalidQueryException e = assertThrows(InvalidQueryException.class,
        () -> store.count(query("evil").regex("(.*a){12}b").build())); // polynomial n^12
    assertEquals("regex", e.param());
    assertTrue(e.getMessage().contains("time budget"), e.getMessage());
  }

  @Test
  void severalBundlesMergeInTimeOrderAndTheCursorVisitsEachRecordOnce() {
    for (boolean descending : new boolean[] {false, true}) {
      Comparator<LogRecord> order = Comparator.comparingLong(LogRecord::timeMicros)
          .thenComparingLong(LogRecord::lineNumber).thenComparing(LogRecord::id);
      List<String> want = Stream.concat(b1.stream(), b2.stream())
          .filter(r -> r.level() == LogLevel.ERROR)
          .sorted(descending ? order.reversed() : order).map(LogRecord::id).toList();
      List<String> got = new ArrayList<>();
      String cursor = null;
      do {
        Fixtures.Query q = query("b1", "b2").levels(LogLevel.ERROR).limit(41).after(cursor);
        SearchPage page = store.search((descending ? q.descending() : q).build());
        got.addAll(ids(page));
        cursor = page.nextCursor();
      } while (cursor != null);
      assertEquals(want, got, descending ? "newest first" : "oldest first");
    }
  }

  @Test
  void highlightsTheWordsAQueryLooksFor() {
    String message = "Connection refused by java.lang.NullPointerException at Stargate.cc:12, refusing";
    assertEquals(List.of(span(message, "refused"), span(message, "refusing")),
        store.highlights("refus*", message));
    assertEquals(List.of(span(message, "Connection")), store.highlights("connection NOT refused", message));
    assertEquals(List.of(span(message, "java.lang.NullPointerException")),
        store.highlights("nullpointerexception", message));
    assertEquals(List.of(span(message, "Stargate.cc"), span(message, "12")),
        store.highlights("\"stargate.cc:12\"", message));
    assertEquals(List.of(), store.highlights("timeout", message));
  }

  private static TextSpan span(String message, String word) {
    int at = message.indexOf(word);
    return new TextSpan(at, at + word.length());
  }

  private static List<String> ids(SearchPage page) {
    return page.records().stream().map(LogRecord::id).toList();
  }
}
