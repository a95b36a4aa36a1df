package io.bundlescope.parsers.bundle;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Detects the {@link BundleType} from names alone, first rule that holds: a {@code cvm_logs}
 * directory means CLUSTER; a {@code sos_commands} directory or a {@code sosreport-*} / {@code
 * sos-collector*} name means SOSREPORT; a directory or archive named with an IP (a per-node
 * folder) means CLUSTER; otherwise GENERIC. The bundle's own name counts as a directory name.
 */
final class BundleTypeDetector {
  private BundleTypeDetector() {}

  static BundleType detect(String bundleName, Collection<String> logicalPaths) {
    Set<String> dirs = new HashSet<>();
    dirs.add(bundleName);
    for (String path : logicalPaths) {
      String[] parts = path.split("/");
      dirs.addAll(Arrays.asList(parts).subList(0, parts.length - 1));
    }
    if (dirs.contains("cvm_logs")) return BundleType.CLUSTER;
    if (dirs.stream().anyMatch(BundleTypeDetector::isSos)) return BundleType.SOSREPORT;
    if (dirs.stream().anyMatch(d -> NodeIps.inName(d) != null)) return BundleType.CLUSTER;
    return BundleType.GENERIC;
  }

  private static boolean isSos(String name) {
    return name.equals("sos_commands") || name.startsWith("sosreport-") || name.startsWith("sos-collector");
  }
}
