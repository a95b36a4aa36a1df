package io.bundlescope.parsers.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The staging directory of one {@link BundleStager#stage} run and what has been staged so far.
 * Expanded files go to {@code <stagingDir>/files/<logicalPath>}, archives waiting to be
 * expanded to {@code <stagingDir>/spool/}; both are cleared when the run starts, so nothing
 * is ever written elsewhere.
 */
final class StagingArea {
  /** A staged file: where its bytes are and how they are compressed. */
  record Staged(Path physicalPath, BundleFile.Compression compression) {}

  private static final int BUFFER = 64 * 1024;

  private final Path filesRoot;
  private final Path spoolRoot;
  private final String bundleName;
  private final StagingBudget budget;
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, Staged> staged = new HashMap<>();
  private long spooled;

  StagingArea(Path stagingDir, String bundleName, StagingLimits limits) throws IOException {
    this.filesRoot = stagingDir.resolve("files");
    this.spoolRoot = stagingDir.resolve("spool");
    this.bundleName = bundleName;
    this.budget = new StagingBudget(limits);
    deleteTree(filesRoot);
    deleteTree(spoolRoot);
    Files.createDirectories(filesRoot);
    Files.createDirectories(spoolRoot);
  }

  /** The roots this area writes into. */
  static List<Path> roots(Path stagingDir) {
    return List.of(stagingDir.resolve("files"), stagingDir.resolve("spool"));
  }

  StagingBudget budget() {
    return budget;
  }

  /** How users know the archive at {@code logicalPath}: the bundle's name for the root. */
  String display(String logicalPath) {
    return logicalPath.isEmpty() ? bundleName : logicalPath;
  }

  void warn(String warning) {
    warnings.add(warning);
  }

  List<String> warnings() {
    return Collections.unmodifiableList(warnings);
  }

  Map<String, Staged> staged() {
    return Collections.unmodifiableMap(staged);
  }

  /**
   * Lists {@code file} as {@code logicalPath}; a later file at the same path replaces it. A
   * staged copy gets {@code modified} (the archive entry's time) as its modification time.
   */
  void register(String logicalPath, Path file, BundleFile.Compression compression, FileTime modified)
      throws IOException {
    if (modified != null && file.startsWith(filesRoot)) Files.setLastModifiedTime(file, modified);
    staged.put(logicalPath, new Staged(file, compression));
  }

  /** Copies {@code in} to the staged path of {@code logicalPath}; null (warned) if that path cannot exist. */
  Path copyIntoPlace(InputStream in, String logicalPath) throws BundleException, IOException {
    Path target = prepare(logicalPath);
    if (target == null) return null;
    write(in, target);
    return target;
  }

  /** Copies {@code in} to a new spool file, to be moved into place or deleted. */
  Path spool(InputStream in) throws BundleException, IOException {
    Path file = spoolRoot.resolve(Long.toString(++spooled));
    write(in, file);
    return file;
  }

  /** Moves a spool file to the staged path of {@code logicalPath}; null (warned, deleted) if impossible. */
  Path moveIntoPlace(Path spoolFile, String logicalPath) throws IOException {
    Path target = prepare(logicalPath);
    if (target == null) {
      delete(spoolFile);
      return null;
    }
    return Files.move(spoolFile, target, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Deletes a file this area wrote and gives its bytes back to the budget. */
  void delete(Path file) throws IOException {
    if (Files.exists(file)) {
      budget.released(Files.size(file));
      Files.delete(file);
    }
  }

  /** Removes the spool directory (the end of every run). */
  void deleteSpool() throws IOException {
    deleteTree(spoolRoot);
  }

  /** Removes everything staged (a failed run). */
  void discard() throws IOException {
    deleteTree(filesRoot);
    deleteTree(spoolRoot);
    staged.clear();
  }

  private Path prepare(String logicalPath) throws IOException {
    Path target = filesRoot.resolve(logicalPath).normalize();
    if (!target.startsWith(filesRoot) || target.equals(filesRoot)) {
      throw new IllegalArgumentException("not a safe logical path: " + logicalPath);
    }
    try {
      Files.createDirectories(target.getParent());
      if (Files.isDirectory(target)) throw new FileSystemException(target.toString(), null, "is a directory");
      delete(target);
      return Files.createFile(target);
    } catch (AccessDeniedException e) {
      throw e;
    } catch (FileSystemException e) {
      warn("entry skipped, its path cannot be staged: " + logicalPath + " (" + e.getReason() + ")");
      return null;
    }
  }

  private void write(InputStream in, Path file) throws BundleException, IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[BUFFER];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        budget.written(n);
      }
    } catch (IOException | BundleException e) {
      delete(file);
      throw e;
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) throw e;
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
