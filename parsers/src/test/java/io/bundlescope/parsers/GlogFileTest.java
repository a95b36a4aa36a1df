package io.bundlescope.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GlogFileTest {

  @Test
  void rollsTheYearOverFromDecemberToJanuary() {
    Parsed parsed = Parsed.ofResource("rollsTheYearOverFromDecemberToJanuary");

    assertEquals(
        List.of(Parsed.micros("2019-12-31T23:59:59.999999Z"), Parsed.micros("2020-01-01T00:00:00.000001Z"),
            Parsed.micros("2020-01-01T00:00:01Z")),
        parsed.records().stream().map(LogRecord::timeMicros).toList());
  }

  @Test
  void readsTheYearFromTheFileHeaderAndSkipsTheHeaderLines() {
    Parsed parsed = Parsed.of("""
        Log file created at: 2016/03/01 10:00:00
        Running on machine: ntnx-a-cvm
        Log line format: [IWEF]mmdd hh:mm:ss.uuuuuu threadid file:line] msg
        I0301 10:00:00.000100  17 stargate.cc:1] started
        """);

    assertEquals(1, parsed.records().size());
    assertEquals(Parsed.micros("2016-03-01T10:00:00.000100Z"), parsed.records().get(0).timeMicros());
    assertEquals(4, parsed.records().get(0).lineNumber());
    assertEquals(List.of(), parsed.stats().warnings());
  }

  @Test
  void keepsTheYearWhenTheMonthStepsBackSlightly() {
    Parsed parsed = Parsed.of("""
        I0801 00:00:01.000000  17 a.cc:1] written first
        I0731 23:59:59.000000  18 a.cc:2] flushed late by another thread
        """);

    assertEquals(
        List.of(Parsed.micros("2019-08-01T00:00:01Z"), Parsed.micros("2019-07-31T23:59:59Z")),
        parsed.records().stream().map(LogRecord::timeMicros).toList());
  }

  @Test
  void aGlogFileWithOnlyItsHeaderIsParsedWithoutRecords() {
    Parsed parsed = Parsed.of("""
        Log file created at: 2019/07/18 06:07:40
        Running on machine: ntnx-a-cvm
        Log line format: [IWEF]mmdd hh:mm:ss.uuuuuu threadid file:line] msg
        """);

    assertEquals(FileStats.Outcome.PARSED, parsed.stats().outcome());
    assertEquals(0, parsed.stats().records());
  }

  @Test
  void skipsRecordsOfDroppedLevelsWithTheirContinuationLines() {
    String info = """
        I0618 04:28:05.000001  4401 a.cc:1] kept
        F0618 04:28:06.000002  4401 a.cc:2] Check failed: stored in the FATAL file
        *** Check failure stack trace: ***
            @     0x7f0d2b2c3daa  google::LogMessage::Fail()
        W0618 04:28:07.000003  4401 a.cc:3] also kept
        """;
    FileContext ctx = Parsed.context(3103L, Set.of(LogLevel.FATAL));

    Parsed parsed = Parsed.of(new ByteArrayInputStream(info.getBytes(StandardCharsets.UTF_8)), ctx);

    assertEquals(List.of("kept", "also kept"), parsed.messages());
    assertEquals(1, parsed.stats().droppedCopies());
    assertEquals(2, parsed.stats().records());
  }

  @Test
  void takesThePidFromTheFileNameNotFromTheThreadField() {
    FileContext ctx = Parsed.context(3103L, Set.of());
    byte[] line = "I0618 04:28:05.000001  4401 a.cc:1] hello\n".getBytes(StandardCharsets.UTF_8);

    Parsed parsed = Parsed.of(new ByteArrayInputStream(line), ctx);

    assertEquals(3103L, parsed.records().get(0).pid());
  }
}
