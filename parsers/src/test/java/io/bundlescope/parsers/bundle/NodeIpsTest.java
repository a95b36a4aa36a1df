package io.bundlescope.parsers.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeIpsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      nullValues = "null",
      value = {
        "PE-10.3.89.176.zip/cvm_logs/stargate.INFO, 10.3.89.176",
        "NTNX-Log-2020-04-22-1350706189197693814-1587550616-PE-10.117.79.120/cvm_logs/genesis.out, 10.117.79.120",
        "10.1.2.3/cvm_logs/genesis.out, 10.1.2.3",
        "logbay_10.1.2.3_1600000000.zip/cvm_logs/genesis.out, 10.1.2.3",
        "NCC-logs.tar/10.1.2.3-logs.tar.gz/cvm_logs/genesis.out, 10.1.2.3",
        "cluster-10.0.0.1/PE-10.0.0.7.zip/cvm_logs/genesis.out, 10.0.0.7",
        "PE-10.0.0.7.zip/ahv/10.0.0.70/files/var/log/messages, 10.0.0.70",
        "cvm_logs/10.1.2.3.log, null",
        "nutanix-5.10.1.2.3/cvm_logs/genesis.out, null",
        "nos-1.2.3.4.5/genesis.out, null",
        "PE-10.1.2.300.zip/genesis.out, null",
        "node-010.001.002.003/genesis.out, 10.1.2.3",
        "1234.1.2.3/genesis.out, null",
        "genesis.out, null",
      })
  void takesTheInnermostDirectoryOrArchiveNamedWithAnIp(String logicalPath, String ip) {
    assertEquals(ip, NodeIps.inPath(logicalPath));
  }
}
