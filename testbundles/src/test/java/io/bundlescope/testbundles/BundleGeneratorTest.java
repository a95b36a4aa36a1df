package io.bundlescope.testbundles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BundleGeneratorTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

  @TempDir Path dir;

  private GeneratedBundle generate(BundleSpec.Builder spec, String name) throws IOException {
    return BundleGenerator.generate(spec.build(), dir.resolve(name));
  }

  private static List<BundleContents.Entry> read(GeneratedBundle bundle, Layout layout)
      throws IOException {
    return BundleContents.read(bundle.path(), layout);
  }

  private static BundleContents.Entry file(List<BundleContents.Entry> entries, String suffix) {
    return entries.stream().filter(e -> e.path().endsWith(suffix)).findFirst().orElseThrow();
  }

  private static List<String> lines(BundleContents.Entry entry) {
    return List.of(new String(entry.bytes(), StandardCharsets.US_ASCII).split("\n"));
  }

  private static void assertMatchesRecount(Expected expected, Recount recount) {
    assertEquals(List.of(), recount.problems);
    assertEquals(expected.byNodeServiceLevel(), recount.byNodeServiceLevel);
    assertEquals(expected.byFile(), recount.byFile);
    assertEquals(expected.total(), recount.total);
  }

  @Test
  void sameSeedWritesTheSameBytesAndExpectations() throws IOException {
    GeneratedBundle a = generate(BundleSpec.builder().seed(7), "a.tar.gz");
    GeneratedBundle b = generate(BundleSpec.builder().seed(7).threads(1), "b.tar.gz");
    assertEquals(-1, Files.mismatch(a.path(), b.path()));
    assertEquals(a.expected(), b.expected());
  }

  @Test
  void anotherSeedWritesAnotherBundle() throws IOException {
    GeneratedBundle a = generate(BundleSpec.builder().seed(7), "a.tar.gz");
    GeneratedBundle b = generate(BundleSpec.builder().seed(8), "b.tar.gz");
    assertNotEquals(-1, Files.mismatch(a.path(), b.path()));
    assertNotEquals(a.expected().byFile(), b.expected().byFile());
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void expectedCountsMatchAnIndependentRecount(Layout layout) throws IOException {
    GeneratedBundle bundle = generate(BundleSpec.builder().layout(layout), "bundle");
    Expected expected = bundle.expected();

    assertMatchesRecount(expected, Recount.of(read(bundle, layout), true, DAY));
    assertEquals(expected.total(), sum(expected.byCvmIp()));
    assertEquals(expected.total(), sum(expected.byService()));
    assertEquals(expected.total(), sum(expected.byLevel()));
    assertEquals(Map.of("10.1.2.10", 1000L, "10.1.2.11", 1000L, "10.1.2.12", 1000L),
        expected.byCvmIp());
    assertEquals(Stream.of("genesis", "messages", "prism_gateway", "stargate", "system",
        "zookeeper").collect(Collectors.toSet()), expected.byService().keySet());
    assertEquals(3L, expected.byLevel().get("FATAL"), "one FATAL ends each node's glog run");
    assertTrue(expected.byLevel().get("ERROR") > 0 && expected.byLevel().get("WARN") > 0);
  }

  @Test
  void tarGzOfZipsHoldsOneZipPerNodeWithItsCvmLogs() throws IOException {
    GeneratedBundle bundle = generate(BundleSpec.builder(), "cluster.tar.gz");
    assertEquals(List.of("PE-10.1.2.10.zip", "PE-10.1.2.11.zip", "PE-10.1.2.12.zip"),
        BundleContents.topLevel(bundle.path(), Layout.TAR_GZ_OF_ZIPS));
    List<String> node0 = read(bundle, Layout.TAR_GZ_OF_ZIPS).stream()
        .map(BundleContents.Entry::path)
        .filter(p -> p.startsWith("PE-10.1.2.10.zip/"))
        .map(p -> p.substring("PE-10.1.2.10.zip/".length()))
        .sorted().toList();
    String glog = "cvm_logs/stargate.ntnx-26sm7b500100-a-cvm.nutanix.log.%s.20261130-000000.3103";
    assertEquals(Stream.of("cvm_config/zeus_config.txt", "cvm_logs/cassandra/system.log",
            "cvm_logs/cassandra/system.log.1.xz", "cvm_logs/core.stargate.log",
            "cvm_logs/genesis.out", "cvm_logs/genesis.out.1.gz", "cvm_logs/messages",
            "cvm_logs/prism_gateway.log", String.format(glog, "ERROR"),
            String.format(glog, "FATAL"), String.format(glog, "INFO"),
            String.format(glog, "WARNING"), "cvm_logs/stargate.out", "cvm_logs/zookeeper.out")
        .sorted().toList(), node0);
    assertEquals(dir.resolve("cluster.expected.json"), bundle.expectedJson());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of("cluster.expected.json", "cluster.tar.gz"),
          left.map(p -> p.getFileName().toString()).sorted().toList(), "temp zips removed");
    }
  }

  @Test
  void zipOfZipsStoresOneZipPerNode() throws IOException {
    GeneratedBundle bundle = generate(BundleSpec.builder().nodes(2).layout(Layout.ZIP_OF_ZIPS),
        "cluster.zip");
    assertEquals(List.of("PE-10.1.2.10.zip", "PE-10.1.2.11.zip"),
        BundleContents.topLevel(bundle.path(), Layout.ZIP_OF_ZIPS));
    assertTrue(bundle.expected().byFile().containsKey("PE-10.1.2.11.zip/cvm_logs/messages"));
  }

  @Test
  void directoryLayoutWritesOneNtnxLogFolderPerNode() throws IOException {
    GeneratedBundle bundle =
        generate(BundleSpec.builder().nodes(2).layout(Layout.DIRECTORY), "cluster");
    List<String> folders = BundleContents.topLevel(bundle.path(), Layout.DIRECTORY);
    assertEquals(2, folders.size());
    Pattern name = Pattern.compile("NTNX-Log-2026-11-30-\\d{19}-\\d{10}-PE-10\\.1\\.2\\.1[01]");
    assertTrue(folders.stream().allMatch(f -> name.matcher(f).matches()), folders.toString());
    assertTrue(Files.isRegularFile(bundle.path().resolve(folders.get(0))
        .resolve("cvm_logs/cassandra/system.log.1.xz")));
    assertTrue(bundle.expected().warningsFor().get(0).startsWith(folders.get(0) + "/cvm_logs/"));
  }

  @Test
  void recordsPerNodeIsExactForEveryNode() throws IOException {
    GeneratedBundle bundle = generate(BundleSpec.builder().nodes(4).recordsPerNode(997), "b.zip");
    assertEquals(4 * 997L, bundle.expected().total());
    assertTrue(bundle.expected().byCvmIp().values().stream().allMatch(n -> n == 997L));
  }

  @Test
  void targetBytesLandsWithinTenPercentAndStaysExact() throws IOException {
    long target = 20L << 20;
    GeneratedBundle bundle = generate(BundleSpec.builder().targetBytes(target), "big.tar.gz");
    List<BundleContents.Entry> entries = read(bundle, Layout.TAR_GZ_OF_ZIPS);

    long bytes = entries.stream().mapToLong(e -> e.bytes().length).sum();
    assertEquals(bundle.expected().uncompressedBytes(), bytes);
    assertTrue(Math.abs(bytes - target) <= target / 10, bytes + " vs " + target);
    assertMatchesRecount(bundle.expected(), Recount.of(entries, true, DAY));
  }

  @Test
  void glogCopiesRepeatEachMessageInEveryLowerSeverityFile() throws IOException {
    List<BundleContents.Entry> entries = read(generate(BundleSpec.builder().nodes(1), "b.zip"),
        Layout.TAR_GZ_OF_ZIPS);
    List<String> info = lines(file(entries, ".log.INFO.20261130-000000.3103"));
    Map<String, String> lettersAtLeast = Map.of("WARNING", "WEF", "ERROR", "EF", "FATAL", "F");
    for (String severity : List.of("WARNING", "ERROR", "FATAL")) {
      String letters = lettersAtLeast.get(severity);
      Predicate<String> atLeast =
          l -> Recount.GLOG.matcher(l).find() && letters.indexOf(l.charAt(0)) >= 0;
      List<String> copy = lines(file(entries, ".log." + severity + ".20261130-000000.3103"));
      assertEquals(info.subList(0, 4), copy.subList(0, 4), "same header");
      assertEquals(info.stream().filter(atLeast).toList(), copy.subList(4, copy.size()));
      assertFalse(copy.subList(4, copy.size()).isEmpty());
    }
  }

  @Test
  void withoutGlogCopiesTheInfoFileHoldsEveryLevel() throws IOException {
    GeneratedBundle bundle = generate(BundleSpec.builder().glogCopies(false), "b.tar.gz");
    List<BundleContents.Entry> entries = read(bundle, Layout.TAR_GZ_OF_ZIPS);
    assertTrue(entries.stream().noneMatch(e -> e.path().contains(".log.WARNING.")));
    assertMatchesRecount(bundle.expected(), Recount.of(entries, false, DAY));
    assertEquals(3L, bundle.expected().byLevel().get("FATAL"));
  }

  @Test
  void continuationLinesAppearOnlyWithStackTraces() throws IOException {
    Recount with = Recount.of(
        read(generate(BundleSpec.builder(), "with.tar.gz"), Layout.TAR_GZ_OF_ZIPS), true, DAY);
    Recount without = Recount.of(
        read(generate(BundleSpec.builder().stackTraces(false), "without.tar.gz"),
            Layout.TAR_GZ_OF_ZIPS), true, DAY);
    assertTrue(with.continuationLines > 0);
    assertEquals(0, without.continuationLines);
    assertEquals(with.total, without.total);
  }

  @Test
  void syslogMessagesCarryNoLevelKeyword() throws IOException {
    GeneratedBundle bundle = generate(BundleSpec.builder().recordsPerNode(20_000), "b.zip");
    Pattern keyword = Pattern.compile(
        "error|fail|warn|panic|oom|out of memory|critical|crit|denied|fatal|alert|emerg|kill");
    for (BundleContents.Entry e : read(bundle, Layout.TAR_GZ_OF_ZIPS)) {
      if (!e.name().equals("messages")) continue;
      for (String line : lines(e)) {
        assertFalse(keyword.matcher(line.toLowerCase(Locale.ROOT)).find(), line);
      }
    }
  }

  @Test
  void binaryAndConfigFilesHoldNoRecords() throws IOException {
    GeneratedBundle bundle = generate(BundleSpec.builder().nodes(2), "b.tar.gz");
    List<BundleContents.Entry> entries = read(bundle, Layout.TAR_GZ_OF_ZIPS);
    assertEquals(List.of("PE-10.1.2.10.zip/cvm_logs/core.stargate.log",
        "PE-10.1.2.11.zip/cvm_logs/core.stargate.log"), bundle.expected().warningsFor());
    assertEquals(List.of("PE-10.1.2.10.zip/cvm_config/zeus_config.txt",
        "PE-10.1.2.11.zip/cvm_config/zeus_config.txt"), bundle.expected().notALogFiles());
    for (String path : bundle.expected().warningsFor()) {
      byte[] core = file(entries, path).bytes();
      assertEquals(16 * 1024, core.length);
      assertTrue(new String(core, StandardCharsets.ISO_8859_1).indexOf('\0') >= 0);
    }
    for (String path : bundle.expected().notALogFiles()) {
      for (String line : lines(file(entries, path))) {
        assertTrue(Recount.ANY_START.stream().noneMatch(p -> p.matcher(line).find()), line);
      }
    }
    assertTrue(bundle.expected().byFile().keySet().stream()
        .noneMatch(p -> p.endsWith("core.stargate.log") || p.endsWith(".txt")));
  }

  @Test
  void leavingOptionalFilesOutKeepsTheRecordCount() throws IOException {
    GeneratedBundle bundle = generate(BundleSpec.builder().binaryFile(false).notALogFile(false)
        .rotations(false), "b.tar.gz");
    List<BundleContents.Entry> entries = read(bundle, Layout.TAR_GZ_OF_ZIPS);
    assertTrue(entries.stream().noneMatch(e -> e.path().endsWith(".gz")
        || e.path().endsWith(".xz") || e.path().endsWith(".txt")
        || e.path().endsWith("core.stargate.log")));
    assertEquals(List.of(), bundle.expected().warningsFor());
    assertEquals(3000, bundle.expected().total());
    assertMatchesRecount(bundle.expected(), Recount.of(entries, true, DAY));
  }

  @Test
  void expectedJsonNextToTheBundleReadsBackEqual() throws IOException {
    GeneratedBundle bundle = generate(BundleSpec.builder(), "b.tar.gz");
    assertEquals(bundle.expected(), Expected.read(bundle.expectedJson()));
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
