package io.bundlescope.parsers.bundle;

/**
 * The bundle itself cannot be staged: it is not an archive, directory or plain log, its top-level
 * archive is corrupt, it holds no files, or it exceeds a {@link StagingLimits} bound. Permanent
 * for this bundle (retrying will not help), unlike an {@link java.io.IOException} from the
 * staging disk.
 */
public class BundleException extends Exception {
  private static final long serialVersionUID = 1L;

  public BundleException(String message) {
    super(message);
  }
}
