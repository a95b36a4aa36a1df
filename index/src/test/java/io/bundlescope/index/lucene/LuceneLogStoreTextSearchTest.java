package io.bundlescope.index.lucene;

import static io.bundlescope.index.lucene.Fixtures.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bundlescope.index.BundleIndexWriter;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Full-text queries over the message. */
class LuceneLogStoreTextSearchTest {
  private static final List<String> MESSAGES = List.of(
      /* 0 */ "Connection refused to 10.4.5.6:2181 while opening session",
      /* 1 */ "java.lang.NullPointerException at com.nutanix.Foo.bar(Foo.java:42)",
      /* 2 */ "Disk full on /dev/sda1, refusing writes",
      /* 3 */ "Failed to open file stargate.cc:123 for vdisk 0x7f3a2b9c",
      /* 4 */ "connection reset by peer 10.4.5.7",
      /* 5 */ "Starting Curator scan, scan_id=abc-123",
      /* 6 */ "Not connected: retrying connection in 5 seconds",
      /* 7 */ "state:degraded after check");

  @TempDir Path root;
  private LuceneLogStore store;

  @BeforeEach
  void writeMessages() {
    store = new LuceneLogStore(root, Duration.ZERO);
    BundleIndexWriter writer = store.writer("t");
    for (int i = 0; i < MESSAGES.size(); i++) {
      writer.add(Fixtures.record("t", i, "stargate", "10.0.0.1", LogLevel.INFO, 1L,
          Fixtures.T0 + i, MESSAGES.get(i), "c"));
    }
    writer.commit();
  }

  @AfterEach
  void closeStore() throws IOException {
    store.close();
  }

  /** Indexes into MESSAGES of the records matching the text, in time order. */
  private List<Integer> matching(String text) {
    return store.search(query("t").text(text).build()).records().stream()
        .map(LogRecord::lineNumber).map(line -> (int) (line - 1)).toList();
  }

  @Test
  void findsWordsIgnoringCase() {
    assertEquals(List.of(0, 4, 6), matching("CONNECTION"));
    assertEquals(List.of(0), matching("refused"));
  }

  @Test
  void keepsStopWordsSearchable() {
    assertEquals(List.of(6), matching("not"));
    assertEquals(List.of(2), matching("\"disk full on\""));
  }

  @Test
  void findsPhrasesInOrderOnly() {
    assertEquals(List.of(4), matching("\"connection reset\""));
    assertEquals(List.of(), matching("\"reset connection\""));
  }

  @Test
  void requiresEveryWordByDefault() {
    assertEquals(List.of(0), matching("connection refused"));
    assertEquals(List.of(0), matching("connection AND refused"));
  }

  @Test
  void combinesWithOrAndNot() {
    assertEquals(List.of(0, 2), matching("refused OR full"));
    assertEquals(List.of(0, 4), matching("connection NOT retrying"));
    assertEquals(List.of(0, 4), matching("connection -retrying"));
    assertEquals(List.of(2, 4, 6), matching("(reset OR disk OR retrying) AND NOT opening"));
  }

  @Test
  void bareNegationMatchesEverythingElse() {
    assertEquals(List.of(1, 2, 3, 5, 6, 7), matching("NOT 10.4.5.6 NOT reset"));
  }

  @Test
  void findsPrefixes() {
    assertEquals(List.of(0, 2), matching("refus*"));
    assertEquals(List.of(0, 4), matching("10.4.5.*"));
  }

  @Test
  void findsIpsHexIdsAndFileLineReferences() {
    assertEquals(List.of(0), matching("10.4.5.6"));
    assertEquals(List.of(3), matching("0x7F3A2B9C"));
    assertEquals(List.of(3), matching("\"stargate.cc:123\""));
    assertEquals(List.of(3), matching("stargate.cc:123"));
    assertEquals(List.of(1), matching("Foo.java:42"));
    assertEquals(List.of(5), matching("abc-123"));
  }

  @Test
  void findsPartsOfDottedAndUnderscoredNames() {
    assertEquals(List.of(1), matching("NullPointerException"));
    assertEquals(List.of(1), matching("java.lang.NullPointerException"));
    assertEquals(List.of(1), matching("nutanix"));
    assertEquals(List.of(3), matching("stargate"));
    assertEquals(List.of(5), matching("scan_id"));
    assertEquals(List.of(5), matching("id"));
  }

  @Test
  void readsColonTextAsLiteralText() {
    assertEquals(List.of(6), matching("connected: retrying"));
    assertEquals(List.of(6), matching("connected:retrying"));
    assertEquals(List.of(6), matching("\"connected: retrying\""));
    assertEquals(List.of(7), matching("state:degraded"));
    assertEquals(List.of(7), matching("state: degraded"));
    assertEquals(List.of(7), matching("degraded"));
  }

  @Test
  void combinesTextWithFilters() {
    BundleIndexWriter writer = store.writer("t");
    writer.add(Fixtures.record("t", 100, "cerebro", "10.0.0.2", LogLevel.ERROR, 2L,
        Fixtures.T0 + 100, "connection refused again", "c"));
    writer.commit();
    assertEquals(List.of(0, 100), matching("refused"));
    assertEquals(List.of(100), store.search(query("t").text("refused").services("cerebro")
        .build()).records().stream().map(r -> (int) r.lineNumber() - 1).toList());
  }

  @Test
  void rejectsMalformedQueriesWithAClearMessage() {
    for (String bad : List.of("connection AND", "\"unclosed phrase", "(a OR b", "*fix",
        "foo:bar*", "a:[1 TO 2]")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> store.search(query("t").text(bad).build()), bad);
      assertTrue(e.getMessage().startsWith("invalid text query: "), e.getMessage());
      assertTrue(!e.getMessage().contains("Was expecting"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> store.count(query("t").text("(").build()));
  }

  @Test
  void rejectsTextWithoutSearchableWords() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> store.search(query("t").text("... ,,, ;;").build()));
    assertTrue(e.getMessage().contains("no searchable words"), e.getMessage());
  }

  @Test
  void blankTextMeansNoTextFilter() {
    assertEquals(MESSAGES.size(), store.count(query("t").text("  ").build()));
  }
}
