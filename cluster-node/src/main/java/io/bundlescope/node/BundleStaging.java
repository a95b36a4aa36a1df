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

  /** The bundle's bytes on disk (a directory: its files), 0 when unreadable: its load estimate while staging. */
  static long sizeOnDisk(String bundlePath) {
    try (var walk = java.nio.file.Files.walk(Path.of(bundlePath))) {
      return walk.filter(java.nio.file.Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException | RuntimeException e) {
      return 0;
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
