package io.bundlescope.analyzers.processes;

import java.util.Locale;

/** How a process run ended, as far as the bundle shows. */
public enum Ending {
  /** A FATAL record of the run near its last record: the process aborted (glog {@code F...}, Check failed). */
  FATAL,
  /** No FATAL and no shutdown line, but a later run of the service started on the node: a crash or a restart. */
  RESTARTED,
  /** A shutdown or stop line near its last record. */
  CLEAN,
  /** The service's last run on the node, with no end marker: still running when the bundle was collected. */
  RUNNING;

  /** The API's spelling: lower case. */
  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }
}
