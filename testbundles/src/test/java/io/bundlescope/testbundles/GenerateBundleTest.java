package io.bundlescope.testbundles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateBundleTest {
  @Test
  void parsesSizesWithBinarySuffixes() {
    assertEquals(1L << 30, GenerateBundle.parseSize("1g"));
    assertEquals(20L << 20, GenerateBundle.parseSize("20M"));
    assertEquals(512L << 10, GenerateBundle.parseSize("512k"));
    assertEquals(1234, GenerateBundle.parseSize("1234"));
    assertThrows(IllegalArgumentException.class, () -> GenerateBundle.parseSize("1x"));
  }

  @Test
  void printsTheExpectedCountsAsJson(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("bench.zip");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    try {
      GenerateBundle.main(new String[] {"--out", out.toString(), "--nodes", "2",
          "--records-per-node", "50", "--seed", "9", "--layout", "zip_of_zips"});
    } finally {
      System.setOut(original);
    }
    Expected printed = new ObjectMapper().readValue(stdout.toByteArray(), Expected.class);
    assertEquals(Expected.read(dir.resolve("bench.expected.json")), printed);
    assertEquals(100, printed.total());
  }
}
