package io.bundlescope.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecordFieldsTest {

  @Test
  void aRecordTakesItsFileFieldsFromTheContext() {
    LogRecord r = Parsed.of("\n2020-12-11 12:29:28,713 INFO 1 a.py:1 hello\n").records().get(0);

    assertEquals(new LogRecord(RecordIds.of("bundle-1", "PE-10.0.0.1/cvm_logs/test.log", 2),
        "bundle-1", "hello", "test", "test.log", "PE-10.0.0.1/cvm_logs/test.log",
        Parsed.micros("2020-12-11T12:29:28.713Z"), "2020-12-11 12:29:28,713", LogLevel.INFO,
        "test.log", null, "10.0.0.1", 0, 2, "chunk-1"), r);
  }

  @Test
  void recordIdsAreStableSixteenHexDigits() {
    String id = RecordIds.of("bundle-1", "cvm_logs/stargate.INFO", 42);

    assertEquals("959cb94eaaae117f", id);
    assertTrue(id.matches("[0-9a-f]{16}"));
    assertEquals(id, RecordIds.of(RecordIds.fileSeed("bundle-1", "cvm_logs/stargate.INFO"), 42));
  }

  @Test
  void recordIdsDifferByBundleFileAndLine() {
    String id = RecordIds.of("bundle-1", "a/b", 1);

    assertNotEquals(id, RecordIds.of("bundle-2", "a/b", 1));
    assertNotEquals(id, RecordIds.of("bundle-1", "a/c", 1));
    assertNotEquals(id, RecordIds.of("bundle-1", "a/b", 2));
    assertNotEquals(RecordIds.of("ab", "c", 1), RecordIds.of("a", "bc", 1));
  }
}
