package io.bundlescope.testbundles;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/** The outer archive that receives finished node zips, one entry each. */
interface Container extends Closeable {
  /** Adds {@code file} as the root-level entry {@code name}. */
  void add(String name, Path file) throws IOException;

  /**
   * A {@code .tar.gz}; entries need their size up front, hence whole files. The zips inside
   * do not compress, so the gzip stream uses stored blocks rather than burn CPU on them.
   */
  static Container tarGz(Path out, FileTime modified) throws IOException {
    GzipParameters gzip = new GzipParameters();
    gzip.setCompressionLevel(Deflater.NO_COMPRESSION);
    TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(
        new BufferedOutputStream(Files.newOutputStream(out), 1 << 16), gzip));
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    return new Container() {
      @Override
      public void add(String name, Path file) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(Files.size(file));
        entry.setModTime(modified);
        entry.setMode(0100644);
        entry.setIds(1000, 1000);
        entry.setNames("nutanix", "nutanix");
        tar.putArchiveEntry(entry);
        Files.copy(file, tar);
        tar.closeArchiveEntry();
      }

      @Override
      public void close() throws IOException {
        tar.close();
      }
    };
  }

  /** A {@code .zip} whose node zips are stored, not deflated again. */
  static Container zip(Path out, FileTime modified) throws IOException {
    ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out);
    return new Container() {
      @Override
      public void add(String name, Path file) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setMethod(ZipArchiveEntry.STORED);
        entry.setTime(modified.toMillis());
        zip.putArchiveEntry(entry);
        Files.copy(file, zip);
        zip.closeArchiveEntry();
      }

      @Override
      public void close() throws IOException {
        zip.close();
      }
    };
  }
}
