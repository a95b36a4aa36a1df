package io.bundlescope.testbundles;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Where a node's files go: entries of a node zip, or files below a node folder. */
interface FileSink {
  /**
   * Opens the file at {@code path} (below the node root, '/'-separated); closing the stream
   * finishes the file. {@code compressed} marks bytes not worth deflating again.
   */
  OutputStream open(String path, boolean compressed) throws IOException;

  /** Entries of {@code zip}: text deflated, compressed bytes stored; {@code zip} stays open. */
  static FileSink zip(ZipArchiveOutputStream zip, FileTime modified) {
    return (path, compressed) -> {
      ZipArchiveEntry entry = new ZipArchiveEntry(path);
      entry.setMethod(compressed ? ZipArchiveEntry.STORED : ZipArchiveEntry.DEFLATED);
      entry.setTime(modified.toMillis());
      zip.putArchiveEntry(entry);
      return new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          zip.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          zip.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          zip.closeArchiveEntry();
        }
      };
    };
  }

  /** Files below {@code root}, their modification time set when closed. */
  static FileSink directory(Path root, FileTime modified) {
    return (path, compressed) -> {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16) {
        @Override
        public void close() throws IOException {
          super.close();
          Files.setLastModifiedTime(file, modified);
        }
      };
    };
  }
}
