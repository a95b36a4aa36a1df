package io.bundlescope.node;

import io.bundlescope.parsers.bundle.BundleException;
import io.bundlescope.parsers.bundle.BundleInventory;
import io.bundlescope.parsers.bundle.BundleStager;
import io.bundlescope.parsers.bundle.StagingLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;

/** Stages a bundle into its own folder (the stager empties what a previous attempt left). */
final class BundleStaging {
  private BundleStaging() {}

  static BundleInventory stage(String bundlePath, Path stagingDir, StagingLimits limits) {
    try {
      return BundleStager.stage(Path.of(bundlePath), stagingDir, limits);
    } catch (BundleException e) {
      throw new CompletionException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A message for the job's error_msg: the cause, without wrapper exceptions. */
  static String describe(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof UncheckedIOException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof BundleException) return t.getMessage();
    return "cannot read bundle: " + (t.getMessage() == null ? t.toString() : t.getMessage());
  }
}
