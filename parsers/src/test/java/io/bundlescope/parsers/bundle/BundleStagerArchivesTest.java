package io.bundlescope.parsers.bundle;

import static io.bundlescope.parsers.bundle.BundleFile.Compression.GZIP;
import static io.bundlescope.parsers.bundle.BundleFile.Compression.NONE;
import static io.bundlescope.parsers.bundle.BundleFile.Compression.XZ;
import static io.bundlescope.parsers.bundle.TestArchives.bytes;
import static io.bundlescope.parsers.bundle.TestArchives.gzip;
import static io.bundlescope.parsers.bundle.TestArchives.tar;
import static io.bundlescope.parsers.bundle.TestArchives.write;
import static io.bundlescope.parsers.bundle.TestArchives.xz;
import static io.bundlescope.parsers.bundle.TestArchives.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.bundle.TestArchives.Entry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleStagerArchivesTest {
  private static final String GLOG = "stargate.ntnx-a-cvm.nutanix.log.%s.20190618-053640.3103";

  @TempDir Path tmp;

  private Path staging() {
    return tmp.resolve("staging");
  }

  private static byte[] node(String extra) {
    return zip(
        Entry.file("cvm_logs/" + GLOG.formatted("INFO"), "I0618 05:36:40.000000  3103 a.cc:1] up\n"),
        Entry.file("cvm_logs/" + GLOG.formatted("WARNING"), "W0618 05:36:41.000000  3103 a.cc:2] slow\n"),
        Entry.file("cvm_logs/genesis.out.1.gz", gzip(bytes("2020-12-11 12:29:28,713 INFO g.py:1 rotated\n"))),
        Entry.file("cvm_logs/stargate.out.20260312-002450Z.xz", xz(bytes("stargate out " + extra + "\n"))),
        Entry.file("cvm_logs/sysstats/sar.INFO", "#TIMESTAMP 1 : x\n"));
  }

  @Test
  void stagesATarGzOfPerNodeZips() throws Exception {
    Path bundle = write(tmp.resolve("NCC-logs.tar.gz"), gzip(tar(
        Entry.file("logs/PE-10.1.2.3.zip", node("a")),
        Entry.file("logs/PE-10.1.2.4.zip", node("b")),
        Entry.file("logs/README.txt", "collected\n").modified(Instant.parse("2018-03-04T05:06:07Z")))));

    BundleInventory inventory = BundleStager.stage(bundle, staging());

    assertEquals(List.of(
        "logs/PE-10.1.2.3.zip/cvm_logs/genesis.out.1.gz",
        "logs/PE-10.1.2.3.zip/cvm_logs/" + GLOG.formatted("INFO"),
        "logs/PE-10.1.2.3.zip/cvm_logs/" + GLOG.formatted("WARNING"),
        "logs/PE-10.1.2.3.zip/cvm_logs/stargate.out.20260312-002450Z.xz",
        "logs/PE-10.1.2.3.zip/cvm_logs/sysstats/sar.INFO",
        "logs/PE-10.1.2.4.zip/cvm_logs/genesis.out.1.gz",
        "logs/PE-10.1.2.4.zip/cvm_logs/" + GLOG.formatted("INFO"),
        "logs/PE-10.1.2.4.zip/cvm_logs/" + GLOG.formatted("WARNING"),
        "logs/PE-10.1.2.4.zip/cvm_logs/stargate.out.20260312-002450Z.xz",
        "logs/PE-10.1.2.4.zip/cvm_logs/sysstats/sar.INFO",
        "logs/README.txt"), paths(inventory));
    assertEquals(BundleType.CLUSTER, inventory.type());
    assertEquals(List.of(), inventory.warnings());

    Map<String, BundleFile> byPath = byPath(inventory);
    BundleFile genesis = byPath.get("logs/PE-10.1.2.3.zip/cvm_logs/genesis.out.1.gz");
    assertEquals("10.1.2.3", genesis.cvmIp());
    assertEquals(GZIP, genesis.compression());
    assertEquals("genesis", genesis.service());
    assertEquals("genesis.out.1", genesis.sourceLogFilename());
    assertEquals("2020-12-11 12:29:28,713 INFO g.py:1 rotated\n", read(genesis));
    assertEquals(Files.size(genesis.physicalPath()), genesis.sizeOnDisk());

    BundleFile out = byPath.get("logs/PE-10.1.2.4.zip/cvm_logs/stargate.out.20260312-002450Z.xz");
    assertEquals(XZ, out.compression());
    assertEquals("stargate", out.service());
    assertEquals("10.1.2.4", out.cvmIp());
    assertEquals("stargate out b\n", read(out));

    BundleFile info = byPath.get("logs/PE-10.1.2.4.zip/cvm_logs/" + GLOG.formatted("INFO"));
    assertEquals(NONE, info.compression());
    assertEquals(3103L, info.glog().pid());
    assertEquals(Set.of(LogLevel.WARN), info.dropLevels());

    BundleFile readme = byPath.get("logs/README.txt");
    assertEquals(null, readme.cvmIp());
    assertEquals(2018, BundleFiles.yearHint(readme), "entry time kept on the staged file");
    assertAllUnder(inventory, staging());
  }

  @Test
  void stagingTwiceGivesTheSameList() throws Exception {
    Path bundle = write(tmp.resolve("b.tar.gz"), gzip(tar(
        Entry.file("PE-10.1.2.4.zip", node("b")), Entry.file("PE-10.1.2.3.zip", node("a")))));

    BundleInventory first = BundleStager.stage(bundle, staging());
    BundleInventory second = BundleStager.stage(bundle, staging());

    assertEquals(first, second);
    assertEquals(Set.of("files"), Set.copyOf(list(staging())), "spool is gone");
  }

  @Test
  void stagesAZipOfZipsNamedByMagicNotExtension() throws Exception {
    Path bundle = write(tmp.resolve("upload-1234.bin"), zip(
        Entry.file("PE-10.3.89.176.zip", zip(
            Entry.file("cvm_logs/zookeeper.out", "zk a\n"),
            Entry.link("cvm_logs/zookeeper.INFO", "zookeeper.out"),
            Entry.link("cvm_logs/passwd", "../../etc/passwd"))),
        Entry.file("PE-10.3.89.177.zip", zip(Entry.file("cvm_logs/zookeeper.out", "zk b\n")))));

    BundleInventory inventory = BundleStager.stage(bundle, staging());

    assertEquals(List.of(
        "PE-10.3.89.176.zip/cvm_logs/zookeeper.out",
        "PE-10.3.89.177.zip/cvm_logs/zookeeper.out"), paths(inventory));
    assertEquals(List.of("10.3.89.176", "10.3.89.177"),
        inventory.files().stream().map(BundleFile::cvmIp).toList());
    assertEquals(List.of("zookeeper", "zookeeper"),
        inventory.files().stream().map(BundleFile::service).toList());
    assertEquals("zk b\n", read(inventory.files().get(1)));
    assertEquals(List.of("symlink out of the bundle skipped: PE-10.3.89.176.zip/cvm_logs/passwd -> ../../etc/passwd"),
        inventory.warnings());
    assertAllUnder(inventory, staging());
  }

  @Test
  void expandsACompressedZipButKeepsACompressedLogCompressed() throws Exception {
    Path bundle = write(tmp.resolve("b.tar"), tar(
        Entry.file("node.zip.xz", xz(zip(Entry.file("cvm_logs/genesis.out", "g\n")))),
        Entry.file("cvm_logs/genesis.out.2.xz", xz(bytes("old\n")))));

    BundleInventory inventory = BundleStager.stage(bundle, staging());

    assertEquals(List.of("cvm_logs/genesis.out.2.xz", "node.zip.xz/cvm_logs/genesis.out"), paths(inventory));
    assertEquals(List.of(XZ, NONE), inventory.files().stream().map(BundleFile::compression).toList());
    assertEquals("old\n", read(inventory.files().get(0)));
  }

  @Test
  void stagesAnNccTarOfPerNodeCompressedTars() throws Exception {
    byte[] nodeTar = tar(
        Entry.file("cvm_logs/stargate.INFO", "I0618 05:36:40.000000  1 a.cc:1] x\n"),
        Entry.file("cvm_config/zeus_config.txt", "timezone: UTC\n"),
        Entry.file("alerts.txt", "none\n"));
    Path bundle = write(tmp.resolve("NCC-logs-2020-01-01-123-456.tar"), tar(
        Entry.file("10.1.2.3-logs.tar.gz", gzip(nodeTar)),
        Entry.file("10.1.2.4.gz", gzip(nodeTar)),
        Entry.file("10.1.2.5-logs.tar.xz", xz(nodeTar))));

    BundleInventory inventory = BundleStager.stage(bundle, staging());

    assertEquals(List.of(
        "10.1.2.3-logs.tar.gz/alerts.txt",
        "10.1.2.3-logs.tar.gz/cvm_config/zeus_config.txt",
        "10.1.2.3-logs.tar.gz/cvm_logs/stargate.INFO",
        "10.1.2.4.gz/alerts.txt",
        "10.1.2.4.gz/cvm_config/zeus_config.txt",
        "10.1.2.4.gz/cvm_logs/stargate.INFO",
        "10.1.2.5-logs.tar.xz/alerts.txt",
        "10.1.2.5-logs.tar.xz/cvm_config/zeus_config.txt",
        "10.1.2.5-logs.tar.xz/cvm_logs/stargate.INFO"), paths(inventory));
    assertEquals(List.of("10.1.2.3", "10.1.2.3", "10.1.2.3", "10.1.2.4", "10.1.2.4", "10.1.2.4",
        "10.1.2.5", "10.1.2.5", "10.1.2.5"), inventory.files().stream().map(BundleFile::cvmIp).toList());
    assertEquals(BundleType.CLUSTER, inventory.type());
    assertTrue(inventory.files().stream().allMatch(f -> f.compression() == NONE));
    assertAllUnder(inventory, staging());
  }

  @Test
  void stagesASosreportTarXzSkippingItsLinks() throws Exception {
    String root = "sosreport-host1-2024-01-02-abcdef/";
    Path bundle = write(tmp.resolve("sosreport-host1-2024-01-02-abcdef.tar.xz"), xz(tar(
        Entry.file(root + "sos_commands/kernel/uname_-a", "Linux host1\n"),
        Entry.link(root + "uname", "sos_commands/kernel/uname_-a"),
        Entry.link(root + "etc/localtime", "/usr/share/zoneinfo/UTC"),
        Entry.link(root + "var/log/escape", "../../../../outside.log"),
        Entry.file(root + "var/log/messages", "Jun 14 15:16:01 host1 sshd[1]: hi\n"),
        Entry.file(root + "var/log/messages-20240101.gz", gzip(bytes("Dec 31 23:59:59 host1 x\n"))))));

    BundleInventory inventory = BundleStager.stage(bundle, staging());

    assertEquals(List.of(
        root + "sos_commands/kernel/uname_-a",
        root + "var/log/messages",
        root + "var/log/messages-20240101.gz"), paths(inventory));
    assertEquals(BundleType.SOSREPORT, inventory.type());
    assertEquals(List.of(
        "symlink out of the bundle skipped: " + root + "etc/localtime -> /usr/share/zoneinfo/UTC",
        "symlink out of the bundle skipped: " + root + "var/log/escape -> ../../../../outside.log"),
        inventory.warnings());
    BundleFile rotated = inventory.files().get(2);
    assertEquals("messages", rotated.service());
    assertEquals(GZIP, rotated.compression());
    assertEquals(2024, BundleFiles.yearHint(rotated));
    assertAllUnder(inventory, staging());
  }

  @Test
  void stagesASingleCompressedLogInPlace() throws Exception {
    Path bundle = write(tmp.resolve("messages.1.gz"), gzip(bytes("Jun 14 15:16:01 combo sshd[1]: x\n")));

    BundleInventory inventory = BundleStager.stage(bundle, staging());

    BundleFile only = inventory.files().get(0);
    assertEquals(List.of("messages.1.gz"), paths(inventory));
    assertEquals(bundle.toRealPath(), only.physicalPath());
    assertEquals(GZIP, only.compression());
    assertEquals("messages", only.service());
    assertEquals(BundleType.GENERIC, inventory.type());
    assertEquals("Jun 14 15:16:01 combo sshd[1]: x\n", read(only));
  }

  @Test
  void takesTheNodeIpFromTheBundleNameWhenThePathHasNone() throws Exception {
    Path bundle = write(tmp.resolve("PE-10.9.8.7.zip"), zip(Entry.file("cvm_logs/genesis.out", "x\n")));

    BundleInventory inventory = BundleStager.stage(bundle, staging());

    assertEquals("10.9.8.7", inventory.files().get(0).cvmIp());
  }

  static List<String> paths(BundleInventory inventory) {
    return inventory.files().stream().map(BundleFile::logicalPath).toList();
  }

  static Map<String, BundleFile> byPath(BundleInventory inventory) {
    return inventory.files().stream().collect(Collectors.toMap(BundleFile::logicalPath, Function.identity()));
  }

  static String read(BundleFile file) throws IOException {
    try (InputStream in = BundleFiles.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static void assertAllUnder(BundleInventory inventory, Path dir) throws IOException {
    Path root = dir.toRealPath();
    for (BundleFile f : inventory.files()) {
      assertTrue(f.physicalPath().startsWith(root), f.physicalPath() + " outside " + root);
    }
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }
}
