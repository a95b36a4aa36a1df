package io.bundlescope.testbundles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * {@code cvm_config/zeus_config.txt}: the cluster configuration in protobuf text format. No
 * line carries a timestamp, so a reader must find no record in it.
 */
final class ZeusConfig {
  private ZeusConfig() {}

  static byte[] render(BundleSpec spec) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Rng rng = new Rng(Rng.derive(spec.seed(), 0x2E05));
    try (AsciiOut out = new AsciiOut(bytes)) {
      out.text("logical_timestamp: ").num(rng.between(1000, 99_999)).newline()
          .text("cluster_id: ").num(spec.clusterId()).newline()
          .text("cluster_name: \"bundlescope-test\"\n")
          .text("cluster_incarnation_id: ").num(rng.nextLong(1L << 52)).newline()
          .text("timezone: \"UTC\"\n")
          .text("cluster_functions: 1\n");
      for (int i = 0; i < spec.nodes(); i++) {
        Node node = new Node(i);
        out.text("node_list {\n  service_vm_id: ").num(4 + i)
            .text("\n  service_vm_external_ip: \"").text(node.ip())
            .text("\"\n  hypervisor_key: \"10.1.3.").num(10 + i)
            .text("\"\n  node_uuid: \"").hex(rng.nextLong(), 8).ch('-').hex(rng.nextLong(), 4)
            .ch('-').hex(rng.nextLong(), 4).ch('-').hex(rng.nextLong(), 4).ch('-')
            .hex(rng.nextLong(), 12)
            .text("\"\n  node_serial: \"").text(node.serial().toUpperCase(Locale.ROOT))
            .text("\"\n  node_position: ").num(1 + i % 4)
            .text("\n  node_status: kNormal\n  software_version: \"el8.5-release-fraser-6.10"
                + "-stable-1f3a2b\"\n}\n");
        for (int d = 0; d < 4; d++) {
          out.text("disk_list {\n  disk_id: ").num(100 + i * 4 + d)
              .text("\n  service_vm_id: ").num(4 + i)
              .text("\n  mount_path: \"/home/nutanix/data/stargate-storage/disks/BTHC")
              .num(rng.between(10_000_000, 99_999_999))
              .text("1P9\"\n  disk_size: ").num(d < 2 ? 1_600_000_000_000L : 7_800_000_000_000L)
              .text("\n  storage_tier: \"").text(d < 2 ? "SSD-SATA" : "DAS-SATA")
              .text("\"\n}\n");
        }
      }
      out.text("container_list {\n  container_name: \"default-container-")
          .num(rng.between(10_000, 99_999))
          .text("\"\n  container_id: ").num(rng.between(1000, 9999))
          .text("\n  replication_factor: 2\n}\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
