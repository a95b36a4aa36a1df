package io.bundlescope.analyzers.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the spec table {@code masking-spec.txt}: one message in, its masked form out. */
class MaskerSpecTest {
  private static final Masker MASKER = Masker.defaults();

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void masksTheMessageAsTheSpecSays(Map<String, String> spec) {
    assertEquals(spec.get("expected"), MASKER.mask(spec.get("input")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void masksItsOwnOutputNoFurther(Map<String, String> spec) {
    String once = MASKER.mask(spec.get("input"));
    assertEquals(once, MASKER.mask(once));
  }

  static Stream<Named<Map<String, String>>> cases() throws IOException {
    String text;
    try (InputStream in = MaskerSpecTest.class.getResourceAsStream("masking-spec.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Named<Map<String, String>>> cases = new ArrayList<>();
    Map<String, String> block = new HashMap<>();
    for (String line : (text + "\n\n").split("\n", -1)) {
      if (line.startsWith("#")) continue;
      if (line.isBlank()) {
        if (!block.isEmpty()) cases.add(Named.of(block.get("name"), block));
        block = new HashMap<>();
        continue;
      }
      int colon = line.indexOf(':');
      String value = line.substring(colon + 1);
      block.put(line.substring(0, colon), value.startsWith(" ") ? value.substring(1) : value);
    }
    return cases.stream();
  }
}
