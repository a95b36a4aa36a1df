package io.bundlescope.parsers.line;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link HeaderParser} tries its specific formats in move-to-front order, which is only sound
 * if no line is accepted by two of them, and skips a format when the line's first character is
 * not in its {@link LineFormat#firstChars}: both checked on every line of the spec table.
 */
class FormatsExclusiveTest {

  @Test
  void noSpecLineIsAcceptedByTwoFormatsOrOutsideItsFirstChars() throws IOException {
    LineFormat[] formats = HeaderParser.formats(new YearTracker(2019), ZoneId.of("Europe/Paris"));
    List<String> overlaps = new ArrayList<>();
    int lines = 0;
    for (String line : specLines()) {
      lines++;
      List<String> accepting = new ArrayList<>();
      for (LineFormat format : formats) {
        if (format.parse(line) == null) continue;
        accepting.add(format.getClass().getSimpleName());
        if (format.firstChars().indexOf(line.charAt(0)) < 0) {
          overlaps.add(format.getClass().getSimpleName() + " accepts a line its firstChars"
              + " excludes: " + line);
        }
      }
      if (accepting.size() > 1) overlaps.add(accepting + " <- " + line);
    }
    assertTrue(lines > 100, "spec lines read: " + lines);
    assertTrue(overlaps.isEmpty(), () -> String.join("\n", overlaps));
  }

  /** Every physical line of every input of {@code header-spec.txt}. */
  private static List<String> specLines() throws IOException {
    String text;
    try (InputStream in = FormatsExclusiveTest.class.getResourceAsStream(
        "/io/bundlescope/parsers/header-spec.txt")) {
      assertNotNull(in, "header-spec.txt");
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.startsWith("input:")) continue;
      String value = line.substring("input:".length()).stripLeading();
      for (String part : value.split("\\\\n", -1)) lines.add(part.replace("\\t", "\t"));
    }
    return lines;
  }
}
