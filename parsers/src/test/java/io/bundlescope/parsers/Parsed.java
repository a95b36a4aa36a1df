package io.bundlescope.parsers;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The outcome of running {@link FileParser} on a test input: its stats and its records. */
record Parsed(FileStats stats, List<LogRecord> records) {

  /** The context every test uses unless it says otherwise. */
  static FileContext context(Long pidFromName, Set<LogLevel> dropLevels) {
    return new FileContext("bundle-1", "chunk-1", "10.0.0.1",
        "PE-10.0.0.1/cvm_logs/test.log", "test.log", "test.log", "test", pidFromName,
        2019, ZoneId.of("Europe/Paris"), dropLevels);
  }

  static Parsed of(InputStream in, FileContext ctx) {
    List<LogRecord> records = new ArrayList<>();
    FileStats stats = FileParser.parse(in, ctx, records::add);
    return new Parsed(stats, records);
  }

  static Parsed of(byte[] bytes) {
    return of(new ByteArrayInputStream(bytes), context(null, Set.of()));
  }

  static Parsed of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Parses the fixture {@code <name>.log} next to this class. */
  static Parsed ofResource(String name) {
    return of(resource(name + ".log"));
  }

  static byte[] resource(String file) {
    try (InputStream in = Parsed.class.getResourceAsStream(file)) {
      assertNotNull(in, "missing test resource " + file);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long micros(String instant) {
    Instant t = Instant.parse(instant);
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }

  List<String> messages() {
    return records.stream().map(LogRecord::message).toList();
  }
}
