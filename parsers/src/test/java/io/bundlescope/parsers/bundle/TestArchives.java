package io.bundlescope.parsers.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/** Builds real archives in memory for the staging tests. */
final class TestArchives {
  /** An archive entry: a file with data, or a symlink when {@code linkTarget} is set. */
  record Entry(String name, byte[] data, String linkTarget, Instant modified) {
    static Entry file(String name, String text) {
      return file(name, bytes(text));
    }

    static Entry file(String name, byte[] data) {
      return new Entry(name, data, null, Instant.parse("2020-06-15T10:00:00Z"));
    }

    static Entry link(String name, String target) {
      return new Entry(name, new byte[0], target, Instant.parse("2020-06-15T10:00:00Z"));
    }

    Entry modified(Instant time) {
      return new Entry(name, data, linkTarget, time);
    }
  }

  private TestArchives() {}

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] zip(Entry... entries) {
    return build(out -> {
      try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
        for (Entry e : entries) {
          ZipArchiveEntry entry = new ZipArchiveEntry(e.name());
          entry.setTime(e.modified().toEpochMilli());
          byte[] data = e.data();
          if (e.linkTarget() != null) {
            entry.setUnixMode(0120777);
            data = bytes(e.linkTarget());
          }
          zip.putArchiveEntry(entry);
          zip.write(data);
          zip.closeArchiveEntry();
        }
      }
    });
  }

  static byte[] tar(Entry... entries) {
    return build(out -> {
      try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        for (Entry e : entries) {
          TarArchiveEntry entry;
          if (e.linkTarget() != null) {
            entry = new TarArchiveEntry(e.name(), TarConstants.LF_SYMLINK);
            entry.setLinkName(e.linkTarget());
          } else {
            entry = new TarArchiveEntry(e.name(), true);
            entry.setSize(e.data().length);
          }
          entry.setModTime(Date.from(e.modified()));
          tar.putArchiveEntry(entry);
          tar.write(e.linkTarget() != null ? new byte[0] : e.data());
          tar.closeArchiveEntry();
        }
      }
    });
  }

  static byte[] gzip(byte[] data) {
    return build(out -> {
      try (OutputStream gz = new GzipCompressorOutputStream(out)) {
        gz.write(data);
      }
    });
  }

  static byte[] xz(byte[] data) {
    return build(out -> {
      try (OutputStream xz = new XZCompressorOutputStream(out)) {
        xz.write(data);
      }
    });
  }

  static Path write(Path file, byte[] data) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.write(file, data);
  }

  /** Every path under {@code root} (links not followed) with its size and modification time. */
  static SortedSet<String> snapshot(Path root) throws IOException {
    SortedSet<String> entries = new TreeSet<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        entries.add(root.relativize(p) + " " + (Files.isRegularFile(p) ? Files.size(p) : -1)
            + " " + Files.getLastModifiedTime(p, java.nio.file.LinkOption.NOFOLLOW_LINKS));
      }
    }
    return entries;
  }

  private interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private static byte[] build(Writer writer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
