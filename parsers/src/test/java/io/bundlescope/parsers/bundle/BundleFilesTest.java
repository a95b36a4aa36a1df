package io.bundlescope.parsers.bundle;

import static io.bundlescope.parsers.bundle.BundleStagerArchivesTest.read;
import static io.bundlescope.parsers.bundle.TestArchives.bytes;
import static io.bundlescope.parsers.bundle.TestArchives.gzip;
import static io.bundlescope.parsers.bundle.TestArchives.write;
import static io.bundlescope.parsers.bundle.TestArchives.xz;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleFilesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2031-07-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  @Test
  void opensFilesDecompressedIncludingConcatenatedGzipMembers() throws Exception {
    ByteArrayOutputStream twoMembers = new ByteArrayOutputStream();
    twoMembers.writeBytes(gzip(bytes("first\n")));
    twoMembers.writeBytes(gzip(bytes("second\n")));

    assertEquals("first\nsecond\n", read(file("messages.1.gz", twoMembers.toByteArray(), BundleFile.Compression.GZIP)));
    assertEquals("xz\n", read(file("system.log.1.xz", xz(bytes("xz\n")), BundleFile.Compression.XZ)));
    assertEquals("plain\n", read(file("genesis.out", bytes("plain\n"), BundleFile.Compression.NONE)));
  }

  @Test
  void yearHintPrefersTheGlogStartTime() throws Exception {
    BundleFile glog = modifiedIn(2025, "stargate.cvm.nutanix.log.INFO.20190618-053640.3103");

    assertEquals(2019, BundleFiles.yearHint(glog, CLOCK));
  }

  @Test
  void yearHintUsesARotationStampNext() throws Exception {
    assertEquals(2020, BundleFiles.yearHint(modifiedIn(2025, "messages-20201012"), CLOCK));
    assertEquals(2026, BundleFiles.yearHint(modifiedIn(2025, "stargate.out.20260312-002450Z.xz"), CLOCK));
  }

  @Test
  void yearHintFallsBackToTheModificationTimeThenTheClock() throws Exception {
    assertEquals(2017, BundleFiles.yearHint(modifiedIn(2017, "messages"), CLOCK));
    assertEquals(2031, BundleFiles.yearHint(modifiedIn(1970, "genesis.out"), CLOCK));
  }

  private BundleFile modifiedIn(int year, String name) throws Exception {
    BundleFile f = file(name, bytes("x\n"), BundleFile.Compression.NONE);
    Files.setLastModifiedTime(f.physicalPath(), FileTime.from(Instant.parse(year + "-05-05T00:00:00Z")));
    return f;
  }

  private BundleFile file(String name, byte[] data, BundleFile.Compression compression) throws Exception {
    Path path = write(tmp.resolve(name), data);
    return new BundleFile(name, path, compression, data.length, null, name,
        FileNames.sourceLogFilename(name), FileNames.service(name), FileNames.glog(name), Set.of());
  }
}
