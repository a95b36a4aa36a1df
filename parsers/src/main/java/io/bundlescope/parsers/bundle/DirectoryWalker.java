package io.bundlescope.parsers.bundle;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stages a directory bundle: plain and single-file compressed files are listed in place (the
 * bundle is only read), archives are expanded. Symlinks are not followed: one resolving inside
 * the bundle is skipped silently (its target is listed under its own path, so {@code
 * stargate.INFO} does not repeat the glog file it points to), one resolving outside the
 * bundle or nowhere is skipped with a warning.
 */
final class DirectoryWalker {
  private final Path root;
  private final StagingArea area;
  private final ArchiveExpander expander;

  /** {@code root} must be a real path (no symlinks in it). */
  DirectoryWalker(Path root, StagingArea area, ArchiveExpander expander) {
    this.root = root;
    this.area = area;
    this.expander = expander;
  }

  void walk() throws BundleException, IOException {
    walk(root, "");
  }

  private void walk(Path dir, String prefix) throws BundleException, IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(children::add);
    } catch (IOException e) {
      area.warn("unreadable directory skipped: " + area.display(prefix) + " (" + e + ")");
      return;
    }
    children.sort(Comparator.comparing(p -> p.getFileName().toString()));
    for (Path child : children) {
      String path = prefix + child.getFileName();
      BasicFileAttributes attrs =
          Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attrs.isSymbolicLink()) {
        checkLink(child, path);
      } else if (attrs.isDirectory()) {
        walk(child, path + "/");
      } else if (attrs.isRegularFile()) {
        area.budget().countEntry();
        if (Files.isReadable(child)) {
          expander.stageFile(child, path, null, 0, false);
        } else {
          area.warn("unreadable file skipped: " + path);
        }
      }
    }
  }

  private void checkLink(Path link, String path) throws IOException {
    Path target;
    try {
      target = link.toRealPath();
    } catch (IOException e) {
      area.warn("broken symlink skipped: " + path + " -> " + Files.readSymbolicLink(link));
      return;
    }
    if (!target.startsWith(root)) {
      area.warn("symlink out of the bundle skipped: " + path + " -> " + Files.readSymbolicLink(link));
    }
  }
}
