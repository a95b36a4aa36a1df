package io.bundlescope.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReadingTest {

  @Test
  void splitsLinesOnLfCrLfAndBareCr() throws IOException {
    assertEquals(List.of("a", "b", "", "c", "d", "", "e"), lines("a\nb\r\n\r\nc\rd\n\re", 1024));
  }

  @Test
  void splitsTheSameWhenTheStreamReturnsOneByteAtATime() throws IOException {
    byte[] bytes = "a\r\nb\rc\r\n\r\nd".getBytes(StandardCharsets.UTF_8);
    LineReader reader = new LineReader(new OneByteAtATime(new ByteArrayInputStream(bytes)), 1024);

    assertEquals(List.of("a", "b", "c", "", "d"), drain(reader));
    assertEquals(bytes.length, reader.bytesRead());
  }

  @Test
  void parsesCrLfFilesIntoTheSameRecordsAsLfFiles() {
    String lf = "2020-12-11 12:29:28,713 ERROR 1 a.py:1 boom\nTraceback (most recent call last):\n";

    Parsed crlf = Parsed.of(lf.replace("\n", "\r\n"));
    Parsed cr = Parsed.of(lf.replace("\n", "\r"));

    assertEquals(Parsed.of(lf).messages(), crlf.messages());
    assertEquals(Parsed.of(lf).messages(), cr.messages());
    assertEquals(List.of("boom\nTraceback (most recent call last):"), cr.messages());
  }

  @Test
  void replacesNulBytesAndMalformedUtf8() throws IOException {
    byte[] bytes = {'a', 0, 'b', '\n', 'c', (byte) 0xC3, '\n', (byte) 0xE2, (byte) 0x82, (byte) 0xAC};

    assertEquals(List.of("a\uFFFDb", "c\uFFFD", "€"), lines(bytes, 1024));
  }

  @Test
  void dropsAByteOrderMark() throws IOException {
    assertEquals(List.of("x", "\uFEFFy"), lines("\uFEFFx\n\uFEFFy", 1024));
  }

  @Test
  void truncatesAnOverlongLineOnACharacterBoundaryWithAMarker() throws IOException {
    String line = "ab" + "é".repeat(10);  // 22 bytes
    LineReader reader = reader((line + "\nnext\n").getBytes(StandardCharsets.UTF_8), 9);

    assertEquals("abééé …[truncated 14 bytes]", reader.next());
    assertEquals("next", reader.next());
    assertNull(reader.next());
    assertEquals(1, reader.truncatedLines());
    assertEquals(1, reader.firstTruncatedLine());
  }

  @Test
  void truncatesAnOverlongRecordLineAndWarns() {
    String big = "2020-12-11 12:29:28,713 INFO 1 a.py:1 " + "y".repeat(200_000);

    Parsed parsed = Parsed.of("2020-12-11 12:29:27,000 INFO 1 a.py:1 before\n" + big + "\nz\n");

    String message = parsed.records().get(1).message();
    int kept = FileParser.MAX_LINE_BYTES - "2020-12-11 12:29:28,713 INFO 1 a.py:1 ".length();
    assertEquals("y".repeat(kept) + " …[truncated " + (big.length() - FileParser.MAX_LINE_BYTES)
        + " bytes]\nz", message);
    assertEquals(List.of("1 lines over 65536 bytes truncated (first at line 2)"),
        parsed.stats().warnings());
    assertEquals(3, parsed.stats().lines());
  }

  @Test
  void countsLinesAndBytesOfAFileWithoutAFinalNewline() {
    String text = "2020-12-11 12:29:28,713 INFO 1 a.py:1 one\n2020-12-11 12:29:29,713 INFO 1 a.py:1 two";

    Parsed parsed = Parsed.of(text);

    assertEquals(List.of("one", "two"), parsed.messages());
    assertEquals(2, parsed.stats().lines());
    assertEquals(text.length(), parsed.stats().bytes());
  }

  private static List<String> lines(String text, int max) throws IOException {
    return lines(text.getBytes(StandardCharsets.UTF_8), max);
  }

  private static List<String> lines(byte[] bytes, int max) throws IOException {
    return drain(reader(bytes, max));
  }

  private static LineReader reader(byte[] bytes, int max) {
    return new LineReader(new ByteArrayInputStream(bytes), max);
  }

  private static List<String> drain(LineReader reader) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line; (line = reader.next()) != null; ) out.add(line);
    return out;
  }

  /** A stream that hands out one byte per read, as a slow pipe can. */
  private static final class OneByteAtATime extends FilterInputStream {
    OneByteAtATime(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(len, 1));
    }
  }
}
