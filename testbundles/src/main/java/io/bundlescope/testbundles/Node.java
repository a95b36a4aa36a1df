package io.bundlescope.testbundles;

import java.util.Locale;

/** One controller VM of the generated cluster; node {@code i} has IP 10.1.2.(10+i). */
record Node(int index) {
  /** The storage service's process id, in every node's glog file names. */
  static final int STARGATE_PID = 3103;
  /** Highest node count: the last IP is 10.1.2.254. */
  static final int MAX_NODES = 245;

  /** The seed of everything random on this node. */
  long seed(long bundleSeed) {
    return Rng.derive(bundleSeed, index);
  }

  String ip() {
    return "10.1.2." + (10 + index);
  }

  /** The block serial number, lowercase. */
  String serial() {
    return "26sm7b" + (500100 + index);
  }

  /** The CVM's host name, as glog file names and headers write it. */
  String host() {
    return "ntnx-" + serial() + "-a-cvm";
  }

  /** The host name as syslog writes it. */
  String syslogHost() {
    return host().toUpperCase(Locale.ROOT);
  }
}
