package io.bundlescope.testbundles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads a generated bundle back, in any layout, with commons-compress alone: every file with
 * its logical path and its decompressed bytes. Only for test-sized bundles (all in memory).
 */
final class BundleContents {
  /** One file: logical path ({@code PE-10.1.2.10.zip/cvm_logs/messages}) and bytes. */
  record Entry(String path, byte[] bytes) {
    String name() {
      return path.substring(path.lastIndexOf('/') + 1);
    }
  }

  private BundleContents() {}

  /** Root entries of the outer archive (zip names) or folders, sorted. */
  static List<String> topLevel(Path bundle, Layout layout) throws IOException {
    List<String> names = new ArrayList<>();
    if (layout == Layout.DIRECTORY) {
      try (Stream<Path> children = Files.list(bundle)) {
        children.forEach(child -> names.add(child.getFileName().toString()));
      }
    } else {
      try (ArchiveInputStream<?> outer = outer(bundle, layout)) {
        for (ArchiveEntry e = outer.getNextEntry(); e != null; e = outer.getNextEntry()) {
          names.add(e.getName());
        }
      }
    }
    Collections.sort(names);
    return names;
  }

  static List<Entry> read(Path bundle, Layout layout) throws IOException {
    List<Entry> entries = new ArrayList<>();
    if (layout == Layout.DIRECTORY) {
      try (Stream<Path> files = Files.walk(bundle)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          String path = bundle.relativize(file).toString().replace('\\', '/');
          entries.add(entry(path, Files.readAllBytes(file)));
        }
      }
      return entries;
    }
    try (ArchiveInputStream<?> outer = outer(bundle, layout)) {
      for (ArchiveEntry e = outer.getNextEntry(); e != null; e = outer.getNextEntry()) {
        byte[] zipBytes = outer.readAllBytes();
        try (ZipFile zip = ZipFile.builder()
            .setSeekableByteChannel(new SeekableInMemoryByteChannel(zipBytes)).get()) {
          for (ZipArchiveEntry z : Collections.list(zip.getEntries())) {
            try (InputStream in = zip.getInputStream(z)) {
              entries.add(entry(e.getName() + "/" + z.getName(), in.readAllBytes()));
            }
          }
        }
      }
    }
    return entries;
  }

  private static ArchiveInputStream<?> outer(Path bundle, Layout layout) throws IOException {
    InputStream in = Files.newInputStream(bundle);
    return layout == Layout.TAR_GZ_OF_ZIPS
        ? new TarArchiveInputStream(new GzipCompressorInputStream(in))
        : new ZipArchiveInputStream(in);
  }

  private static Entry entry(String path, byte[] raw) throws IOException {
    if (path.endsWith(".gz")) {
      try (InputStream in = new GzipCompressorInputStream(new ByteArrayInputStream(raw))) {
        return new Entry(path, in.readAllBytes());
      }
    }
    if (path.endsWith(".xz")) {
      try (InputStream in = new XZCompressorInputStream(new ByteArrayInputStream(raw))) {
        return new Entry(path, in.readAllBytes());
      }
    }
    return new Entry(path, raw);
  }
}
