package io.bundlescope.parsers.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.bundlescope.parsers.LogLevel;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "stargate.INFO, stargate",
    "stargate.ntnx-18fm57500153-a-cvm.nutanix.log.INFO.20190618-053640.3103.gz, stargate",
    "stargate.ntnx-18fm57500153-a-cvm.nutanix.log.WARNING.20190618-053640.3103, stargate",
    "genesis.out, genesis",
    "genesis.out.1.gz, genesis",
    "stargate.out.20260312-002450Z.xz, stargate",
    "prism_gateway.log, prism_gateway",
    "messages, messages",
    "messages.1.gz, messages",
    "messages-20201012, messages",
    "system.log.1.xz, system",
    "zookeeper.out, zookeeper",
    "sysstats/sar.INFO, sar",
    "cvm_logs/sysstats/sar.INFO, sar",
    "health_server.log.2, health_server",
    "catalina.out, catalina",
    "stargate.INFO.20190618-053640.3103, stargate",
    "catalina.2020-01-01.log, catalina",
    "alert_events.txt, alert_events",
    "uname_-a, uname_-a",
    ".out, .out",
  })
  void serviceIsTheStemWithoutCompressionRotationSeverityAndExtension(String name, String service) {
    assertEquals(service, FileNames.service(name));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "genesis.out.1.gz, genesis.out.1",
    "stargate.out.20260312-002450Z.xz, stargate.out.20260312-002450Z",
    "cvm_logs/messages.GZ, messages",
    "stargate.INFO, stargate.INFO",
    ".gz, .gz",
  })
  void sourceLogFilenameDropsOnlyTheCompressionSuffix(String name, String expected) {
    assertEquals(expected, FileNames.sourceLogFilename(name));
  }

  @Test
  void parsesFullGlogNames() {
    assertEquals(
        new GlogName("stargate", LogLevel.INFO, LocalDateTime.of(2019, 6, 18, 5, 36, 40), 3103L),
        FileNames.glog("cvm_logs/stargate.ntnx-18fm57500153-a-cvm.nutanix.log.INFO.20190618-053640.3103.gz"));
    assertEquals(
        new GlogName("cerebro", LogLevel.WARN, LocalDateTime.of(2021, 1, 2, 3, 4, 5), 42L),
        FileNames.glog("cerebro.host.with.dots.nutanix.log.WARNING.20210102-030405.42"));
  }

  @Test
  void parsesGlogLinkNamesWithoutStartOrPid() {
    assertEquals(new GlogName("stargate", LogLevel.FATAL, null, null), FileNames.glog("stargate.FATAL"));
    assertEquals(new GlogName("curator", LogLevel.WARN, null, null), FileNames.glog("curator.WARNING.gz"));
  }

  @Test
  void keepsAGlogNameWhoseStampIsNotATimeWithoutStart() {
    assertEquals(
        new GlogName("stargate", LogLevel.ERROR, null, 7L),
        FileNames.glog("stargate.h.u.log.ERROR.20191399-250000.7"));
  }

  @Test
  void otherNamesAreNotGlog() {
    assertNull(FileNames.glog("genesis.out"));
    assertNull(FileNames.glog("stargate.INFO.1"));
    assertNull(FileNames.glog("messages"));
  }

  @Test
  void findsTheRotationDateInAName() {
    assertEquals(LocalDate.of(2020, 10, 12), FileNames.dateInName("var/log/messages-20201012"));
    assertEquals(LocalDate.of(2026, 3, 12), FileNames.dateInName("stargate.out.20260312-002450Z.xz"));
    assertNull(FileNames.dateInName("genesis.out.1.gz"));
    assertNull(FileNames.dateInName("trace-20201399"));
  }
}
