package io.bundlescope.parsers.bundle;

import static io.bundlescope.parsers.bundle.BundleStagerArchivesTest.paths;
import static io.bundlescope.parsers.bundle.TestArchives.bytes;
import static io.bundlescope.parsers.bundle.TestArchives.gzip;
import static io.bundlescope.parsers.bundle.TestArchives.tar;
import static io.bundlescope.parsers.bundle.TestArchives.write;
import static io.bundlescope.parsers.bundle.TestArchives.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bundlescope.parsers.bundle.TestArchives.Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleStagerFailuresTest {
  @TempDir Path tmp;

  private Path staging() {
    return tmp.resolve("staging");
  }

  private BundleException stagingFails(Path bundle) {
    return stagingFails(bundle, StagingLimits.defaults());
  }

  private BundleException stagingFails(Path bundle, StagingLimits limits) {
    BundleException e = assertThrows(BundleException.class, () -> BundleStager.stage(bundle, staging(), limits));
    assertFalse(Files.exists(staging().resolve("files")), "a failed staging leaves nothing staged");
    return e;
  }

  @Test
  void skipsEntriesWhoseNamesLeaveTheStagingDirectory() throws Exception {
    String absolute = tmp.resolve("evil-absolute.txt").toString();
    Path bundle = write(tmp.resolve("b.tar"), tar(
        Entry.file("../../evil-tar.txt", "x"),
        Entry.file("node.zip", zip(
            Entry.file("../evil-zip.txt", "x"),
            Entry.file(absolute, "x"),
            Entry.file("ok/../../evil-middle.txt", "x"),
            Entry.file("C:/evil-drive.txt", "x"),
            Entry.file("./ok/fine.log", "fine\n")))));

    BundleInventory inventory = BundleStager.stage(bundle, staging());

    assertEquals(List.of("node.zip/ok/fine.log"), paths(inventory));
    assertEquals(List.of(
        "unsafe entry name skipped: b.tar: ../../evil-tar.txt",
        "unsafe entry name skipped: node.zip: ../evil-zip.txt",
        "unsafe entry name skipped: node.zip: " + absolute,
        "unsafe entry name skipped: node.zip: ok/../../evil-middle.txt",
        "unsafe entry name skipped: node.zip: C:/evil-drive.txt"), inventory.warnings());
    try (Stream<Path> all = Files.walk(tmp)) {
      assertEquals(List.of(), all.filter(p -> p.getFileName().toString().startsWith("evil")).toList());
    }
  }

  @Test
  void keepsWhatATruncatedNestedZipHoldsAndTheOtherNodes() throws Exception {
    byte[] whole = zip(Entry.file("cvm_logs/a.INFO", "first\n"), Entry.file("cvm_logs/b.INFO", noise(40_000)));
    Path bundle = write(tmp.resolve("cluster.tar.gz"), gzip(tar(
        Entry.file("PE-10.1.2.3.zip", zip(Entry.file("cvm_logs/genesis.out", "ok\n"))),
        Entry.file("PE-10.1.2.4.zip", Arrays.copyOf(whole, whole.length - 10_000)))));

    BundleInventory inventory = BundleStager.stage(bundle, staging());

    assertEquals(List.of("PE-10.1.2.3.zip/cvm_logs/genesis.out", "PE-10.1.2.4.zip/cvm_logs/a.INFO"),
        paths(inventory));
    assertEquals(1, inventory.warnings().size());
    assertTrue(inventory.warnings().get(0).startsWith("corrupt archive: PE-10.1.2.4.zip ("),
        inventory.warnings().get(0));
    assertTrue(inventory.warnings().get(0).endsWith("; kept the entries read before the error"));
  }

  @Test
  void keepsTheOtherNodesWhenANestedTarGzIsTruncated() throws Exception {
    byte[] node = gzip(tar(Entry.file("cvm_logs/a.INFO", "first\n"), Entry.file("cvm_logs/b.INFO", noise(40_000))));
    Path bundle = write(tmp.resolve("NCC-logs.tar"), tar(
        Entry.file("10.1.2.3-logs.tar.gz", Arrays.copyOf(node, node.length / 2)),
        Entry.file("10.1.2.4-logs.tar.gz", gzip(tar(Entry.file("cvm_logs/c.INFO", "c\n"))))));

    BundleInventory inventory = BundleStager.stage(bundle, staging());

    assertEquals(List.of("10.1.2.3-logs.tar.gz/cvm_logs/a.INFO", "10.1.2.4-logs.tar.gz/cvm_logs/c.INFO"),
        paths(inventory));
    assertEquals(1, inventory.warnings().size());
    assertTrue(inventory.warnings().get(0).startsWith("corrupt archive: 10.1.2.3-logs.tar.gz ("),
        inventory.warnings().get(0));
  }

  @Test
  void skipsANestedCompressedFileThatDoesNotDecompress() throws Exception {
    Path bundle = write(tmp.resolve("b.zip"), zip(
        Entry.file("cvm_logs/genesis.out.1.gz", new byte[] {0x1f, (byte) 0x8b, 9, 9, 9, 9}),
        Entry.file("cvm_logs/genesis.out", "ok\n")));

    BundleInventory inventory = BundleStager.stage(bundle, staging());

    assertEquals(List.of("cvm_logs/genesis.out"), paths(inventory));
    assertEquals(List.of("corrupt compressed file skipped: cvm_logs/genesis.out.1.gz"
        + " (Unsupported compression method 9 in the .gz header)"), inventory.warnings());
  }

  @Test
  void rejectsATruncatedTopLevelArchive() throws Exception {
    byte[] whole = gzip(tar(Entry.file("cvm_logs/a.INFO", "first\n"), Entry.file("cvm_logs/b.INFO", noise(40_000))));
    Path bundle = write(tmp.resolve("bundle.tar.gz"), Arrays.copyOf(whole, whole.length / 2));

    BundleException e = stagingFails(bundle);

    assertTrue(e.getMessage().startsWith("corrupt archive: bundle.tar.gz ("), e.getMessage());
  }

  @Test
  void rejectsATopLevelZipWithoutCentralDirectory() throws Exception {
    byte[] whole = zip(Entry.file("a.log", "first\n"), Entry.file("b.log", noise(40_000)));
    Path bundle = write(tmp.resolve("bundle.zip"), Arrays.copyOf(whole, whole.length / 2));

    assertTrue(stagingFails(bundle).getMessage().startsWith("corrupt archive: bundle.zip ("));
  }

  @Test
  void rejectsAFileThatIsNeitherArchiveNorLog() throws Exception {
    Path bundle = write(tmp.resolve("core.dump"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2});

    assertEquals("not an archive, directory or log file: " + bundle.toRealPath(),
        stagingFails(bundle).getMessage());
  }

  @Test
  void rejectsAGzipFileWithABrokenHeader() throws Exception {
    Path bundle = write(tmp.resolve("messages.gz"), new byte[] {0x1f, (byte) 0x8b, 9, 9, 9, 9});

    assertTrue(stagingFails(bundle).getMessage().startsWith("corrupt archive: messages.gz ("));
  }

  @Test
  void acceptsAPlainLogFileAsABundle() throws Exception {
    Path bundle = write(tmp.resolve("genesis.out"), bytes("2020-12-11 12:29:28,713 INFO a.py:1 x\n"));

    BundleInventory inventory = BundleStager.stage(bundle, staging());

    assertEquals(List.of("genesis.out"), paths(inventory));
    assertEquals(bundle.toRealPath(), inventory.files().get(0).physicalPath());
  }

  @Test
  void rejectsBundlesWithoutFiles() throws Exception {
    Files.createDirectories(tmp.resolve("empty-dir/sub"));
    Path dir = tmp.resolve("empty-dir");
    Path zip = write(tmp.resolve("empty.zip"), zip());
    Path tarGz = write(tmp.resolve("only-dirs.tar.gz"), gzip(tar()));
    Path zeroBytes = write(tmp.resolve("zero.log"), new byte[0]);

    assertEquals("bundle contains no files: " + dir, stagingFails(dir).getMessage());
    assertEquals("bundle contains no files: " + zip, stagingFails(zip).getMessage());
    assertEquals("bundle contains no files: " + tarGz, stagingFails(tarGz).getMessage());
    assertEquals("bundle is an empty file: " + zeroBytes.toRealPath(), stagingFails(zeroBytes).getMessage());
  }

  @Test
  void rejectsArchivesNestedDeeperThanTheLimit() throws Exception {
    Path bundle = write(tmp.resolve("b.zip"),
        zip(Entry.file("l2.zip", zip(Entry.file("l3.zip", zip(Entry.file("x.log", "x\n")))))));

    assertEquals("archives nested deeper than 2 levels: l2.zip/l3.zip",
        stagingFails(bundle, new StagingLimits(1L << 30, 2, 100, 200)).getMessage());
    assertEquals(List.of("l2.zip/l3.zip/x.log"),
        paths(BundleStager.stage(bundle, staging(), new StagingLimits(1L << 30, 3, 100, 200))));
  }

  @Test
  void rejectsArchivesThatExpandTooMuch() throws Exception {
    byte[] zeros = new byte[4 << 20];
    Path zip = write(tmp.resolve("bomb.zip"), zip(Entry.file("zeros.log", zeros)));
    Path tarGz = write(tmp.resolve("bomb.tar.gz"), gzip(tar(Entry.file("zeros.log", zeros))));

    assertTrue(stagingFails(zip).getMessage().startsWith("expansion ratio above 200x: bomb.zip expanded to "));
    assertTrue(stagingFails(tarGz).getMessage().startsWith("expansion ratio above 200x: bomb.tar.gz expanded to "));
  }

  @Test
  void rejectsBundlesBeyondTheStagedBytesOrEntriesLimit() throws Exception {
    Path bundle = write(tmp.resolve("b.tar"), tar(
        Entry.file("a.log", noise(2000)), Entry.file("b.log", "b\n"), Entry.file("c.log", "c\n")));

    assertEquals("bundle expands beyond the staging limit of 1000 bytes",
        stagingFails(bundle, new StagingLimits(1000, 10, 100, 200)).getMessage());
    assertEquals("bundle has more than 2 entries",
        stagingFails(bundle, new StagingLimits(1L << 30, 10, 2, 200)).getMessage());
  }

  /** Text that compresses poorly, so a cut falls inside it. */
  private static byte[] noise(int length) {
    Random random = new Random(42);
    byte[] text = new byte[length];
    for (int i = 0; i < length; i++) text[i] = (byte) ('a' + random.nextInt(26));
    return text;
  }

}
