package io.bundlescope.parsers.bundle;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Expands archives, nested to any depth, into a {@link StagingArea} and lists their files.
 * Tars are streamed (a tar inside a tar is read straight from its parent); zips and gzip/xz
 * files are spooled to disk first, so memory use does not depend on the bundle. A gzip/xz file
 * holding a tar or zip is expanded; any other one is listed still compressed.
 *
 * <p>Corruption: the entries read before the error are kept and one warning names the archive
 * (a zip without a readable central directory is read by its local headers as far as they
 * go); when the archive is the bundle itself (logical path "") a {@link BundleException} is
 * thrown instead, except for a bad entry of a readable zip, which is skipped with a warning.
 */
final class ArchiveExpander {
  private static final int BUFFER = 64 * 1024;

  private final StagingArea area;

  ArchiveExpander(StagingArea area) {
    this.area = area;
  }

  /**
   * Stages a file on disk found at {@code logicalPath}, inside {@code depth} archives: expands
   * it if it is an archive, else lists it (a gzip/xz file whose start does not decompress is
   * skipped with a warning). A {@code spooled} file is then moved into place or deleted; any
   * other file (in a directory bundle) is listed where it is.
   */
  void stageFile(Path file, String logicalPath, FileTime modified, int depth, boolean spooled)
      throws BundleException, IOException {
    Sniff sniff = Sniff.of(file, FileNames.baseName(logicalPath));
    if (sniff.error() != null) {
      area.warn("corrupt compressed file skipped: " + logicalPath + " (" + sniff.error() + ")");
      if (spooled) area.delete(file);
      return;
    }
    if (!sniff.isArchive()) {
      Path staged = spooled ? area.moveIntoPlace(file, logicalPath) : file;
      if (staged != null) area.register(logicalPath, staged, sniff.container().compression(), modified);
      return;
    }
    try {
      expand(file, sniff, logicalPath, depth + 1);
    } finally {
      if (spooled) area.delete(file);
    }
  }

  /** Expands the archive {@code file} (see {@link Sniff#isArchive()}) found at {@code logicalPath}. */
  void expand(Path file, Sniff sniff, String logicalPath, int depth) throws BundleException, IOException {
    if (sniff.container() == Magic.ZIP) {
      expandZip(file, logicalPath, depth);
      return;
    }
    try (CountingInputStream raw =
        new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER))) {
      if (sniff.container() == Magic.TAR) {
        expandTar(raw, logicalPath, depth);
        return;
      }
      CountingInputStream content = new CountingInputStream(decompress(raw, sniff.container()));
      try (StagingBudget.Tracking t =
          area.budget().track(area.display(logicalPath), raw::count, content::count)) {
        if (sniff.content() == Magic.TAR) {
          expandTar(content, logicalPath, depth);
        } else {
          Path zip = area.spool(content);
          try {
            expandZip(zip, logicalPath, depth);
          } finally {
            area.delete(zip);
          }
        }
      }
    } catch (CorruptArchiveException e) {
      corrupt(logicalPath, e);
    }
  }

  private void expandTar(InputStream in, String logicalPath, int depth) throws BundleException, IOException {
    area.budget().checkDepth(depth, area.display(logicalPath));
    try {
      expandEntries(new TarArchiveInputStream(in), logicalPath, depth, new AtomicLong());
    } catch (CorruptArchiveException e) {
      corrupt(logicalPath, e);
    }
  }

  private void expandZip(Path file, String logicalPath, int depth) throws BundleException, IOException {
    area.budget().checkDepth(depth, area.display(logicalPath));
    AtomicLong expanded = new AtomicLong();
    long size = Files.size(file);
    try (StagingBudget.Tracking t = area.budget().track(area.display(logicalPath), () -> size, expanded::get)) {
      ZipFile zip;
      try {
        zip = ZipFile.builder().setPath(file).get();
      } catch (IOException | RuntimeException e) {
        CorruptArchiveException corruption = CorruptArchiveException.asCorrupt(e);
        if (!logicalPath.isEmpty()) salvageZip(file, logicalPath, depth, expanded);
        corrupt(logicalPath, corruption);
        return;
      }
      try (zip) {
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
          String name = entryName(logicalPath, entry.getName());
          if (name == null || entry.isDirectory()) continue;
          String path = EntryNames.child(logicalPath, name);
          try {
            if (entry.isUnixSymlink()) {
              checkLink(logicalPath, name, readLink(zip, entry));
            } else if (!zip.canReadEntryData(entry)) {
              area.warn("entry skipped, encrypted or compressed with an unsupported method: " + path);
            } else {
              try (InputStream data = CorruptArchiveException.reporting(
                  new CountingInputStream(openEntry(zip, entry), expanded))) {
                stageEntry(data, path, modified(entry.getLastModifiedDate()), depth);
              }
            }
          } catch (CorruptArchiveException e) {
            area.warn("corrupt entry skipped: " + path + " (" + e.getMessage() + ")");
          }
        }
      }
    }
  }

  /** Reads the local headers of a zip whose central directory is unreadable, as far as they go. */
  private void salvageZip(Path file, String logicalPath, int depth, AtomicLong expanded)
      throws BundleException, IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
      expandEntries(new ZipArchiveInputStream(raw, "UTF-8", true, true), logicalPath, depth, expanded);
    } catch (CorruptArchiveException e) {
      // reported with the central directory's error by the caller
    }
  }

  /**
   * Reads a streamed tar or zip entry by entry, adding the entry bytes read to {@code
   * expanded}, until its end or the first read failure.
   */
  private void expandEntries(
      ArchiveInputStream<?> archive, String logicalPath, int depth, AtomicLong expanded)
      throws BundleException, IOException {
    InputStream data = CorruptArchiveException.reporting(new CountingInputStream(archive, expanded));
    for (ArchiveEntry entry; (entry = next(archive)) != null; ) {
      String name = entryName(logicalPath, entry.getName());
      if (name == null || entry.isDirectory()) continue;
      if (entry instanceof TarArchiveEntry tar) {
        if (tar.isSymbolicLink()) checkLink(logicalPath, name, tar.getLinkName());
        if (tar.isSymbolicLink() || tar.isLink() || tar.isCharacterDevice() || tar.isBlockDevice()
            || tar.isFIFO()) {
          continue; // a hard link repeats an earlier entry; devices hold no log
        }
      }
      String path = EntryNames.child(logicalPath, name);
      if (!archive.canReadEntryData(entry)) {
        area.warn("entry skipped, encrypted or compressed with an unsupported method: " + path);
        continue;
      }
      stageEntry(data, path, modified(entry.getLastModifiedDate()), depth);
    }
  }

  /** Stages one archive entry: a tar is expanded in stream, anything else copied out first. */
  private void stageEntry(InputStream data, String logicalPath, FileTime modified, int depth)
      throws BundleException, IOException {
    BufferedInputStream in = new BufferedInputStream(data, BUFFER);
    in.mark(Magic.HEAD);
    byte[] head = new byte[Magic.HEAD];
    int length = Magic.readHead(in, head);
    in.reset();
    Magic kind = Magic.of(head, length, FileNames.baseName(logicalPath));
    if (kind == Magic.TAR) {
      expandTar(in, logicalPath, depth + 1);
    } else if (kind == Magic.OTHER) {
      Path staged = area.copyIntoPlace(in, logicalPath);
      if (staged != null) area.register(logicalPath, staged, BundleFile.Compression.NONE, modified);
    } else {
      stageFile(area.spool(in), logicalPath, modified, depth, true);
    }
  }

  /** The safe form of an entry's name (warning about an unsafe one), counting the entry. */
  private String entryName(String archive, String raw) throws BundleException {
    area.budget().countEntry();
    area.budget().checkExpansion();
    String name = EntryNames.safe(raw);
    if (name == null) area.warn("unsafe entry name skipped: " + area.display(archive) + ": " + raw);
    return name == null || name.isEmpty() ? null : name;
  }

  /** Links are never followed; one leaving its archive is worth a warning. */
  private void checkLink(String archive, String name, String target) {
    if (EntryNames.linkEscapes(name, target)) {
      area.warn("symlink out of the bundle skipped: " + EntryNames.child(archive, name) + " -> " + target);
    }
  }

  private void corrupt(String logicalPath, CorruptArchiveException e) throws BundleException {
    String message = "corrupt archive: " + area.display(logicalPath) + " (" + e.getMessage() + ")";
    if (logicalPath.isEmpty()) throw new BundleException(message);
    area.warn(message + "; kept the entries read before the error");
  }

  private static ArchiveEntry next(ArchiveInputStream<?> archive) throws CorruptArchiveException {
    try {
      return archive.getNextEntry();
    } catch (IOException | RuntimeException e) {
      throw CorruptArchiveException.asCorrupt(e);
    }
  }

  private static String readLink(ZipFile zip, ZipArchiveEntry entry) throws CorruptArchiveException {
    try {
      return zip.getUnixSymlink(entry);
    } catch (IOException | RuntimeException e) {
      throw CorruptArchiveException.asCorrupt(e);
    }
  }

  private static InputStream openEntry(ZipFile zip, ZipArchiveEntry entry) throws CorruptArchiveException {
    try {
      return zip.getInputStream(entry);
    } catch (IOException | RuntimeException e) {
      throw CorruptArchiveException.asCorrupt(e);
    }
  }

  private static InputStream decompress(InputStream raw, Magic kind) throws CorruptArchiveException {
    try {
      return CorruptArchiveException.reporting(BundleFiles.decompress(raw, kind.compression()));
    } catch (IOException | RuntimeException e) {
      throw CorruptArchiveException.asCorrupt(e);
    }
  }

  private static FileTime modified(Date date) {
    return date == null || date.getTime() <= 0 ? null : FileTime.fromMillis(date.getTime());
  }
}
