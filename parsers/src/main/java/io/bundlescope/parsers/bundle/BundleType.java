package io.bundlescope.parsers.bundle;

/** The kind of bundle, detected from its layout. */
public enum BundleType {
  /** Per-node (controller VM) folders or archives named by node IP, with cvm_logs. */
  CLUSTER,
  /** A Linux sosreport (sos_commands/, var/log/...) or a sos-collector of several. */
  SOSREPORT,
  /** Anything else holding log files. */
  GENERIC
}
