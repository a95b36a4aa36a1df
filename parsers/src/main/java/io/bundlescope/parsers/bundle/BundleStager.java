package io.bundlescope.parsers.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stages a bundle so that its files can be parsed in parallel and ingestion can resume: the
 * bundle (a directory, a zip, a tar, a gzip/xz-compressed tar, or one log file, possibly
 * gzip/xz-compressed) is expanded into a staging directory, nested archives to any depth, and
 * its files are listed sorted by logical path. Staging the same bundle twice gives the same
 * list, so chunk ids derived from it are stable across restarts and nodes.
 *
 * <p>Archive types are recognized by their first bytes, not by name. Files that are only
 * gzip/xz-compressed stay compressed on disk ({@link BundleFiles#open} decompresses them);
 * files of a directory bundle are read in place, never written. Everything written lies
 * under {@code <stagingDir>/files} and {@code <stagingDir>/spool}: both are emptied first (so
 * one staging directory serves one bundle at a time), the spool is removed when staging ends,
 * and a failed staging leaves neither behind. Staged files carry
 * their archive entry's modification time (see {@link BundleFiles#yearHint}).
 */
public final class BundleStager {
  private BundleStager() {}

  /** {@link #stage(Path, Path, StagingLimits)} with {@link StagingLimits#defaults()}. */
  public static BundleInventory stage(Path bundle, Path stagingDir) throws BundleException, IOException {
    return stage(bundle, stagingDir, StagingLimits.defaults());
  }

  /**
   * Stages {@code bundle} into {@code stagingDir}.
   *
   * @throws BundleException the bundle is not an archive, directory or log file, its own
   *     archive is corrupt or truncated, it holds no file, or it exceeds {@code limits}
   * @throws IOException the staging directory could not be written
   */
  public static BundleInventory stage(Path bundle, Path stagingDir, StagingLimits limits)
      throws BundleException, IOException {
    if (!Files.exists(bundle)) throw new BundleException("bundle not found: " + bundle);
    Path root = bundle.toRealPath();
    Path staging = Files.createDirectories(stagingDir).toRealPath();
    boolean directory = Files.isDirectory(root);
    checkApart(root, directory, staging);
    Path name = bundle.toAbsolutePath().normalize().getFileName();
    String bundleName = name == null ? "" : name.toString();
    StagingArea area = new StagingArea(staging, bundleName, limits);
    ArchiveExpander expander = new ArchiveExpander(area);
    try {
      if (directory) {
        new DirectoryWalker(root, area, expander).walk();
      } else {
        stageFile(root, bundleName, area, expander);
      }
      if (area.staged().isEmpty()) throw new BundleException("bundle contains no files: " + bundle);
    } catch (BundleException | IOException | RuntimeException e) {
      try {
        area.discard();
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    } finally {
      area.deleteSpool();
    }
    return inventory(bundleName, area);
  }

  private static void stageFile(Path file, String name, StagingArea area, ArchiveExpander expander)
      throws BundleException, IOException {
    if (Files.size(file) == 0) throw new BundleException("bundle is an empty file: " + file);
    Sniff sniff = Sniff.of(file, name);
    if (sniff.isArchive()) {
      expander.expand(file, sniff, "", 1);
    } else if (sniff.error() != null) {
      throw new BundleException("corrupt archive: " + name + " (" + sniff.error() + ")");
    } else if (sniff.text()) {
      area.register(name, file, sniff.container().compression(), null);
    } else {
      throw new BundleException("not an archive, directory or log file: " + file);
    }
  }

  private static BundleInventory inventory(String bundleName, StagingArea area) throws IOException {
    String bundleIp = NodeIps.inName(bundleName);
    List<BundleFile> files = new ArrayList<>();
    for (Map.Entry<String, StagingArea.Staged> e : new TreeMap<>(area.staged()).entrySet()) {
      files.add(describe(e.getKey(), e.getValue(), bundleIp));
    }
    BundleType type = BundleTypeDetector.detect(bundleName, area.staged().keySet());
    return new BundleInventory(type, GlogCopies.withDropLevels(files), area.warnings());
  }

  /** A listed file; its node IP comes from its path, else from the bundle's own name. */
  private static BundleFile describe(String logicalPath, StagingArea.Staged staged, String bundleIp)
      throws IOException {
    String ip = NodeIps.inPath(logicalPath);
    return new BundleFile(
        logicalPath,
        staged.physicalPath(),
        staged.compression(),
        Files.size(staged.physicalPath()),
        ip != null ? ip : bundleIp,
        FileNames.baseName(logicalPath),
        FileNames.sourceLogFilename(logicalPath),
        FileNames.service(logicalPath),
        FileNames.glog(logicalPath),
        Set.of());
  }

  /** The staging area must not overlap the bundle: staging never writes into a bundle. */
  private static void checkApart(Path bundle, boolean directory, Path staging) {
    if (directory && staging.startsWith(bundle)) {
      throw new IllegalArgumentException("staging directory " + staging + " is inside the bundle " + bundle);
    }
    for (Path owned : StagingArea.roots(staging)) {
      if (bundle.startsWith(owned)) {
        throw new IllegalArgumentException("bundle " + bundle + " is inside the staging area " + owned);
      }
    }
  }
}
