package io.bundlescope.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bundlescope.parsers.FileStats.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class FileOutcomeTest {

  @Test
  void aZeroByteFileIsEmpty() {
    Parsed parsed = Parsed.of(new byte[0]);

    assertEquals(new FileStats(Outcome.EMPTY, 0, 0, 0, 0, List.of()), parsed.stats());
  }

  @Test
  void skipsABinaryFileWithAWarning() {
    byte[] bytes = new byte[20_000];
    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i * 31);

    Parsed parsed = Parsed.of(bytes);

    assertEquals(Outcome.BINARY_SKIPPED, parsed.stats().outcome());
    assertEquals(List.of("binary file skipped"), parsed.stats().warnings());
    assertEquals(List.of(), parsed.records());
  }

  @Test
  void colourCodesAndTabsDoNotMakeAFileBinary() {
    String line = "2020-12-11 12:29:28,713 INFO 1 a.py:1 \u001b[32mgreen\u001b[0m\tok\f\n";

    Parsed parsed = Parsed.of(line.repeat(200));

    assertEquals(Outcome.PARSED, parsed.stats().outcome());
    assertEquals(200, parsed.records().size());
  }

  @Test
  void aConfigFileIsNotALog() {
    Parsed parsed = Parsed.of("""
        # zeus configuration
        cluster_name: "c1"
        timezone: "America/Los_Angeles"
        """);

    assertEquals(Outcome.NOT_A_LOG, parsed.stats().outcome());
    assertEquals(List.of(), parsed.records());
    assertEquals(List.of(), parsed.stats().warnings());
  }

  @Test
  void aRecordAfterTheFirstThousandLinesDoesNotMakeALog() {
    String text = "total 0 drwxr-xr-x 2 nutanix nutanix\n".repeat(FileParser.PROBE_LINES)
        + "2020-12-11 12:29:28,713 INFO 1 a.py:1 too late\n";

    Parsed parsed = Parsed.of(text);

    assertEquals(Outcome.NOT_A_LOG, parsed.stats().outcome());
    assertEquals(FileParser.PROBE_LINES, parsed.stats().lines());
    assertEquals(List.of(), parsed.records());
  }

  @Test
  void aRecordAfterTheFirst256KibDoesNotMakeALog() {
    String text = ("x".repeat(1023) + "\n").repeat(FileParser.PROBE_BYTES / 1024)
        + "2020-12-11 12:29:28,713 INFO 1 a.py:1 too late\n";

    Parsed parsed = Parsed.of(text);

    assertEquals(Outcome.NOT_A_LOG, parsed.stats().outcome());
    assertEquals(List.of(), parsed.records());
  }

  @Test
  void aReadErrorKeepsTheRecordsBeforeItAndWarns() throws IOException {
    String text = "2020-12-11 12:29:28,713 INFO 1 a.py:1 line\n".repeat(5_000);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    byte[] truncated = Arrays.copyOf(gz.toByteArray(), gz.size() / 2);

    Parsed parsed = Parsed.of(
        new GZIPInputStream(new ByteArrayInputStream(truncated)), Parsed.context(null, Set.of()));

    assertEquals(Outcome.PARSED, parsed.stats().outcome());
    assertTrue(parsed.records().size() > 0 && parsed.records().size() < 5_000);
    assertEquals(1, parsed.stats().warnings().size());
    assertTrue(parsed.stats().warnings().get(0).startsWith("read failed after line "),
        parsed.stats().warnings().get(0));
  }
}
