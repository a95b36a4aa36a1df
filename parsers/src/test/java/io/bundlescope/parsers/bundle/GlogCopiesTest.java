package io.bundlescope.parsers.bundle;

import static io.bundlescope.parsers.LogLevel.ERROR;
import static io.bundlescope.parsers.LogLevel.FATAL;
import static io.bundlescope.parsers.LogLevel.WARN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bundlescope.parsers.LogLevel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GlogCopiesTest {
  private static final String FULL = "stargate.cvm.nutanix.log.%s.20190618-053640.%d";

  @Test
  void eachFileDropsTheMoreSevereLevelsThatHaveTheirOwnFile() {
    Map<String, Set<LogLevel>> drops = dropLevels(
        "n1/" + full("INFO", 3103), "n1/" + full("WARNING", 3103), "n1/" + full("ERROR", 3103));

    assertEquals(Set.of(WARN, ERROR), drops.get("n1/" + full("INFO", 3103)));
    assertEquals(Set.of(ERROR), drops.get("n1/" + full("WARNING", 3103)));
    assertEquals(Set.of(), drops.get("n1/" + full("ERROR", 3103)), "FATAL lines stay: no FATAL file");
  }

  @Test
  void aFatalFileMakesEveryLowerFileDropFatal() {
    Map<String, Set<LogLevel>> drops = dropLevels("stargate.INFO", "stargate.FATAL");

    assertEquals(Set.of(FATAL), drops.get("stargate.INFO"));
    assertEquals(Set.of(), drops.get("stargate.FATAL"));
  }

  @Test
  void groupsByDirectoryProgramAndPid() {
    Map<String, Set<LogLevel>> drops = dropLevels(
        "n1/" + full("INFO", 1), "n1/" + full("ERROR", 2),
        "n2/" + full("INFO", 1),
        "n1/curator.INFO", "n1/stargate.ERROR", "n1/stargate.INFO");

    assertEquals(Set.of(), drops.get("n1/" + full("INFO", 1)), "other pid");
    assertEquals(Set.of(), drops.get("n2/" + full("INFO", 1)), "other directory");
    assertEquals(Set.of(), drops.get("n1/curator.INFO"), "other program");
    assertEquals(Set.of(ERROR), drops.get("n1/stargate.INFO"), "link names group by program");
  }

  @Test
  void rotationsOfOneProcessShareTheGroup() {
    String rotatedInfo = "stargate.cvm.nutanix.log.INFO.20190619-000000.3103.gz";
    Map<String, Set<LogLevel>> drops = dropLevels(full("INFO", 3103), rotatedInfo, full("WARNING", 3103));

    assertEquals(Set.of(WARN), drops.get(full("INFO", 3103)));
    assertEquals(Set.of(WARN), drops.get(rotatedInfo));
  }

  @Test
  void nonGlogFilesDropNothing() {
    assertEquals(Set.of(), dropLevels("stargate.out", "stargate.ERROR").get("stargate.out"));
  }

  private static String full(String severity, long pid) {
    return String.format(FULL, severity, pid);
  }

  private static Map<String, Set<LogLevel>> dropLevels(String... logicalPaths) {
    List<BundleFile> files = Arrays.stream(logicalPaths)
        .map(p -> new BundleFile(p, Path.of(p), BundleFile.Compression.NONE, 0, null,
            FileNames.baseName(p), FileNames.sourceLogFilename(p), FileNames.service(p),
            FileNames.glog(p), Set.of()))
        .toList();
    Map<String, Set<LogLevel>> drops = new LinkedHashMap<>();
    GlogCopies.withDropLevels(files).forEach(f -> drops.put(f.logicalPath(), f.dropLevels()));
    return drops;
  }
}
