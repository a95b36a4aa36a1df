package io.bundlescope.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MultiLineRecordTest {

  @Test
  void foldsJavaStackTraceIntoPreviousRecord() {
    Parsed parsed = Parsed.ofResource("foldsJavaStackTraceIntoPreviousRecord");

    assertEquals(3, parsed.records().size());
    LogRecord error = parsed.records().get(1);
    assertEquals(LogLevel.ERROR, error.level());
    assertEquals(2, error.lineNumber());
    assertEquals("""
        Throwing exception from UserDataAdministration.getUser
        com.nutanix.prism.exception.user.UserAdministrationException: User not found
        \tat com.nutanix.prism.services.UserDataAdministration.getUser(UserDataAdministration.java:120)
        \tat sun.reflect.GeneratedMethodAccessor412.invoke(Unknown Source)
        Caused by: java.lang.IllegalStateException: no such user
        \tat com.nutanix.prism.dao.UserDao.find(UserDao.java:44)
        \t... 12 more""", error.message());
    assertEquals(9, parsed.records().get(2).lineNumber());
    assertEquals("Done", parsed.records().get(2).message());
  }

  @Test
  void foldsPythonTracebackIntoPreviousRecord() {
    Parsed parsed = Parsed.ofResource("foldsPythonTracebackIntoPreviousRecord");

    assertEquals(List.of(
        "Starting service",
        """
        Failed to start service
        Traceback (most recent call last):
          File "/home/nutanix/cluster/bin/genesis", line 207, in <module>
            main()
          File "/home/nutanix/cluster/lib/py/genesis_server.py", line 198, in main
            raise RuntimeError("zk unreachable")
        RuntimeError: zk unreachable""",
        "Retrying"), parsed.messages());
    assertEquals(List.of(1L, 2L, 9L), parsed.records().stream().map(LogRecord::lineNumber).toList());
  }

  @Test
  void detectsTheFormatPerLineInAMixedFile() {
    Parsed parsed = Parsed.ofResource("detectsTheFormatPerLineInAMixedFile");

    assertEquals(
        List.of(LogLevel.INFO, LogLevel.INFO, LogLevel.WARN, LogLevel.FATAL, LogLevel.UNKNOWN),
        parsed.records().stream().map(LogRecord::level).toList());
    assertEquals(List.of(
        "Starting stargate",
        "stargate is up",
        "Queue full",
        """
        Exceeded resident memory limit: Aborting
        *** Check failure stack trace: ***
            @     0x7f0d2b2c3daa  google::LogMessage::Fail()
            @     0x7f0d2b2c7b2f  google::LogMessage::SendToLog()""",
        "rolled over log file"), parsed.messages());
    assertEquals(
        List.of(Parsed.micros("2019-06-18T05:36:40.123456Z"), Parsed.micros("2019-06-18T05:36:41.500Z"),
            Parsed.micros("2019-06-18T05:36:42.000001Z"), Parsed.micros("2019-06-18T05:36:43.000002Z"),
            Parsed.micros("2019-06-18T05:36:44Z")),
        parsed.records().stream().map(LogRecord::timeMicros).toList());
  }

  @Test
  void keepsBlankLinesInsideARecordButNotTrailingOnes() {
    Parsed parsed = Parsed.of("""
        2020-12-11 12:29:28,713 ERROR 1 a.py:1 first

        detail after a blank line
        \t
        \s\s
        2020-12-11 12:29:29,000 INFO 1 a.py:2 second


        """);

    assertEquals(List.of("first\n\ndetail after a blank line", "second"), parsed.messages());
  }

  @Test
  void foldsLinesBeforeTheFirstRecordIntoOneUnknownRecord() {
    Parsed parsed = Parsed.of("""

        java.lang.OutOfMemoryError: Java heap space
        \tat java.util.Arrays.copyOf(Arrays.java:3332)
        W0618 04:28:05.875941  4401 oplog.cc:4017] after the orphans
        """);

    assertEquals(2, parsed.records().size());
    LogRecord orphan = parsed.records().get(0);
    assertEquals(LogLevel.UNKNOWN, orphan.level());
    assertEquals(2, orphan.lineNumber());
    assertEquals(Parsed.micros("2019-06-18T04:28:05.875941Z"), orphan.timeMicros());
    assertEquals("", orphan.timeText());
    assertEquals(
        "java.lang.OutOfMemoryError: Java heap space\n\tat java.util.Arrays.copyOf(Arrays.java:3332)",
        orphan.message());
    assertEquals(List.of("2 orphan lines before the first record"), parsed.stats().warnings());
  }

  @Test
  void cutsAFoldedMessageAtTheCapWithAMarker() {
    StringBuilder text = new StringBuilder("2020-12-11 12:29:28,713 ERROR 1 a.py:1 head\n");
    String frame = "x".repeat(99);
    int frames = 2 * FileParser.MAX_MESSAGE_CHARS / 100;
    for (int i = 0; i < frames; i++) text.append(frame).append('\n');
    text.append("2020-12-11 12:29:29,000 INFO 1 a.py:2 next\n");

    Parsed parsed = Parsed.of(text.toString());

    String message = parsed.records().get(0).message();
    long kept = "head".length() + (long) frames * 100;
    String marker = " …[truncated " + (kept - FileParser.MAX_MESSAGE_CHARS) + " bytes]";
    assertEquals(FileParser.MAX_MESSAGE_CHARS + marker.length(), message.length());
    assertEquals(marker, message.substring(FileParser.MAX_MESSAGE_CHARS));
    assertEquals("next", parsed.records().get(1).message());
    assertEquals(List.of("1 record messages cut at 1048576 characters (first at line 1)"),
        parsed.stats().warnings());
  }
}
