package io.bundlescope.parsers.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BundleTypeDetectorTest {

  @Test
  void cvmLogsOrIpNamedNodeFoldersMakeACluster() {
    assertEquals(BundleType.CLUSTER, BundleTypeDetector.detect("b.zip", List.of("x/cvm_logs/genesis.out")));
    assertEquals(BundleType.CLUSTER, BundleTypeDetector.detect("b.zip", List.of("PE-10.1.2.3.zip/genesis.out")));
  }

  @Test
  void sosCommandsOrASosreportNameMakeASosreport() {
    assertEquals(BundleType.SOSREPORT,
        BundleTypeDetector.detect("b.tar", List.of("host/sos_commands/kernel/uname_-a")));
    assertEquals(BundleType.SOSREPORT,
        BundleTypeDetector.detect("sosreport-host-2024-01-02-abc.tar.xz", List.of("var/log/messages")));
  }

  @Test
  void cvmLogsWinsOverSosreportAndSosreportOverIpFolders() {
    assertEquals(BundleType.CLUSTER,
        BundleTypeDetector.detect("sosreport-x.tar", List.of("cvm_logs/genesis.out")));
    assertEquals(BundleType.SOSREPORT,
        BundleTypeDetector.detect("b.tar", List.of("sos_commands/a", "var/lib/10.1.2.3/x")));
  }

  @Test
  void anythingElseIsGeneric() {
    assertEquals(BundleType.GENERIC,
        BundleTypeDetector.detect("logs.zip", List.of("app/server.log", "10.1.2.3.log")));
  }
}
