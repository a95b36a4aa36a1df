package io.bundlescope.parsers.bundle;

import static io.bundlescope.parsers.bundle.BundleStagerArchivesTest.paths;
import static io.bundlescope.parsers.bundle.BundleStagerArchivesTest.read;
import static io.bundlescope.parsers.bundle.TestArchives.bytes;
import static io.bundlescope.parsers.bundle.TestArchives.gzip;
import static io.bundlescope.parsers.bundle.TestArchives.write;
import static io.bundlescope.parsers.bundle.TestArchives.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.bundle.TestArchives.Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleStagerDirectoryTest {
  private static final String INFO = "stargate.ntnx-a-cvm.nutanix.log.INFO.20190618-053640.3103";
  private static final String ERROR = "stargate.ntnx-a-cvm.nutanix.log.ERROR.20190618-053640.3103";

  @TempDir Path tmp;
  private Path bundle;
  private Path logs;

  @BeforeEach
  void createBundle() throws Exception {
    bundle = tmp.resolve("bundle");
    logs = bundle.resolve("node-10.1.2.3/cvm_logs");
    write(logs.resolve(INFO), bytes("I0618 05:36:40.000000  3103 a.cc:1] up\n"));
    write(logs.resolve(ERROR), bytes("E0618 05:36:41.000000  3103 a.cc:2] bad\n"));
    write(logs.resolve("messages.1.gz"), gzip(bytes("Jun 14 15:16:01 combo sshd[1]: x\n")));
    Files.createSymbolicLink(logs.resolve("stargate.INFO"), Path.of(INFO));
    Files.createSymbolicLink(bundle.resolve("node-10.1.2.3/logs-again"), Path.of("cvm_logs"));
    write(tmp.resolve("secret.log"), bytes("not part of the bundle\n"));
    Files.createSymbolicLink(logs.resolve("outside.log"), Path.of("../../../secret.log"));
    Files.createSymbolicLink(logs.resolve("broken"), Path.of("missing"));
    write(bundle.resolve("PE-10.1.2.4.zip"), zip(Entry.file("cvm_logs/genesis.out", "g\n")));
  }

  @Test
  void readsPlainFilesInPlaceAndExpandsArchivesIntoStaging() throws Exception {
    SortedSet<String> before = TestArchives.snapshot(bundle);

    BundleInventory inventory = BundleStager.stage(bundle, tmp.resolve("staging"));

    assertEquals(List.of(
        "PE-10.1.2.4.zip/cvm_logs/genesis.out",
        "node-10.1.2.3/cvm_logs/messages.1.gz",
        "node-10.1.2.3/cvm_logs/" + ERROR,
        "node-10.1.2.3/cvm_logs/" + INFO), paths(inventory));
    Path real = bundle.toRealPath();
    assertEquals(real.resolve("node-10.1.2.3/cvm_logs/messages.1.gz"), inventory.files().get(1).physicalPath());
    assertEquals(BundleFile.Compression.GZIP, inventory.files().get(1).compression());
    assertEquals(real.resolve("node-10.1.2.3/cvm_logs/" + INFO), inventory.files().get(3).physicalPath());
    assertTrue(inventory.files().get(0).physicalPath().startsWith(tmp.resolve("staging").toRealPath()));
    assertEquals("g\n", read(inventory.files().get(0)));
    assertEquals(List.of("10.1.2.4", "10.1.2.3", "10.1.2.3", "10.1.2.3"),
        inventory.files().stream().map(BundleFile::cvmIp).toList());
    assertEquals(Set.of(LogLevel.ERROR), inventory.files().get(3).dropLevels());
    assertEquals(BundleType.CLUSTER, inventory.type());
    assertEquals(before, TestArchives.snapshot(bundle), "the bundle is not modified");
  }

  @Test
  void skipsLinksWarningAboutThoseLeavingTheBundle() throws Exception {
    BundleInventory inventory = BundleStager.stage(bundle, tmp.resolve("staging"));

    assertEquals(List.of(
        "broken symlink skipped: node-10.1.2.3/cvm_logs/broken -> missing",
        "symlink out of the bundle skipped: node-10.1.2.3/cvm_logs/outside.log -> ../../../secret.log"),
        inventory.warnings());
  }

  @Test
  void refusesAStagingDirectoryInsideTheBundle() {
    assertThrows(IllegalArgumentException.class,
        () -> BundleStager.stage(bundle, bundle.resolve("staging")));
  }
}
