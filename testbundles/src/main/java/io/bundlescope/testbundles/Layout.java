package io.bundlescope.testbundles;

/** How the per-node files are packed. */
public enum Layout {
  /** {@code out} is a {@code .tar.gz} holding one {@code PE-<ip>.zip} per node. */
  TAR_GZ_OF_ZIPS,
  /** {@code out} is a {@code .zip} holding one stored {@code PE-<ip>.zip} per node. */
  ZIP_OF_ZIPS,
  /**
   * {@code out} is a directory holding one {@code NTNX-Log-<date>-<cluster>-<epoch>-PE-<ip>/}
   * folder per node.
   */
  DIRECTORY
}
