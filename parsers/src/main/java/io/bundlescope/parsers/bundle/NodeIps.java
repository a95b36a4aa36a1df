package io.bundlescope.parsers.bundle;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the node (CVM) IP in a bundle path: per-node folders and archives carry it in their
 * name ({@code PE-10.3.89.176.zip}, {@code logbay_10.1.2.3_1600000000.zip}, {@code
 * 10.1.2.3-logs.tar.gz}), log lines do not.
 */
public final class NodeIps {
  /** Four dot-separated groups not part of a longer dotted number such as a version string. */
  private static final Pattern IPV4 =
      Pattern.compile("(?<!\\d)(?<!\\d\\.)(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?!\\d)(?!\\.\\d)");

  private NodeIps() {}

  /**
   * The IP in the innermost directory or archive component of a '/'-separated logical path
   * that holds one; the file's own name is not considered. Null if none.
   */
  public static String inPath(String logicalPath) {
    String[] parts = logicalPath.split("/");
    for (int i = parts.length - 2; i >= 0; i--) {
      String ip = inName(parts[i]);
      if (ip != null) return ip;
    }
    return null;
  }

  /** The first valid IPv4 address (octets 0-255) in one name, normalized, or null. */
  public static String inName(String name) {
    Matcher m = IPV4.matcher(name);
    while (m.find()) {
      StringBuilder ip = new StringBuilder();
      boolean valid = true;
      for (int g = 1; g <= 4 && valid; g++) {
        int octet = Integer.parseInt(m.group(g));
        valid = octet <= 255;
        ip.append(g > 1 ? "." : "").append(octet);
      }
      if (valid) return ip.toString();
    }
    return null;
  }
}
