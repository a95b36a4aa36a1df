package io.bundlescope.parsers;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bundlescope.parsers.line.Header;
import io.bundlescope.parsers.line.HeaderParser;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the spec table {@code header-spec.txt}: a line (or a record's lines) in, one record (or
 * none) out.
 */
class HeaderSpecTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parsesLineAsTheSpecSays(Map<String, String> spec) {
    Parsed parsed = Parsed.of(spec.get("input") + "\n");
    if ("none".equals(spec.get("record"))) {
      assertEquals(List.of(), parsed.records());
      return;
    }
    assertEquals(1, parsed.records().size(), () -> "records of " + spec.get("input"));
    LogRecord r = parsed.records().get(0);
    String pid = spec.get("pid");
    assertAll(
        () -> assertEquals(Parsed.micros(spec.get("time")), r.timeMicros(), "time"),
        () -> assertEquals(spec.get("timeText"), r.timeText(), "timeText"),
        () -> assertEquals(LogLevel.valueOf(spec.get("level")), r.level(), "level"),
        () -> assertEquals("null".equals(pid) ? null : Long.valueOf(pid), r.pid(), "pid"),
        () -> assertEquals(spec.get("message"), r.message(), "message"),
        () -> assertEquals(1, r.lineNumber(), "lineNumber"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void survivesEveryPrefixOfTheLine(Map<String, String> spec) {
    HeaderParser parser = new HeaderParser(2019, ZoneId.of("UTC"));
    for (String input : spec.get("input").split("\n")) {
      for (int end = 0; end <= input.length(); end++) {
        String prefix = input.substring(0, end);
        parser.isFileHeader(prefix);
        Header header = parser.parse(prefix);
        if (header != null) {
          assertTrue(header.messageStart() <= prefix.length(), prefix);
        }
      }
    }
  }

  /** Resolves the table's escapes: {@code \t} tab, {@code \n} line break, {@code \\} backslash. */
  private static String unescape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      char next = i + 1 < value.length() ? value.charAt(i + 1) : '\0';
      if (c == '\\' && (next == 't' || next == 'n' || next == '\\')) {
        out.append(next == 't' ? '\t' : next == 'n' ? '\n' : '\\');
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  static Stream<Named<Map<String, String>>> cases() {
    String text = new String(Parsed.resource("header-spec.txt"), StandardCharsets.UTF_8);
    List<Named<Map<String, String>>> cases = new ArrayList<>();
    for (String block : text.split("\n\\s*\n")) {
      Map<String, String> spec = new HashMap<>();
      for (String line : block.split("\n")) {
        if (line.startsWith("#") || line.isBlank()) continue;
        int colon = line.indexOf(':');
        String value = line.substring(colon + 1);
        spec.put(line.substring(0, colon), unescape(value.startsWith(" ") ? value.substring(1) : value));
      }
      if (!spec.isEmpty()) cases.add(Named.of(spec.get("name"), spec));
    }
    return cases.stream();
  }
}
