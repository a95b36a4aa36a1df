package io.bundlescope.parsers.bundle;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a file on disk holds, from its first bytes.
 *
 * @param container the file's own kind
 * @param content the kind of the decompressed bytes for gzip/xz, else the container
 * @param text whether the (decompressed) head looks like plain text
 * @param error why the head could not be decompressed, or null
 */
record Sniff(Magic container, Magic content, boolean text, String error) {

  /** Reads the head of {@code file}; {@code name} is its name in the bundle. */
  static Sniff of(Path file, String name) throws IOException {
    byte[] head = new byte[Magic.HEAD];
    int length;
    try (InputStream in = Files.newInputStream(file)) {
      length = Magic.readHead(in, head);
    }
    Magic container = Magic.of(head, length, name);
    if (!container.isCompressed()) {
      return new Sniff(container, container, Magic.looksLikeText(head, length), null);
    }
    try (InputStream in =
        BundleFiles.decompress(new BufferedInputStream(Files.newInputStream(file)), container.compression())) {
      int decompressed = Magic.readHead(in, head);
      return new Sniff(container, Magic.of(head, decompressed, name), Magic.looksLikeText(head, decompressed), null);
    } catch (IOException | RuntimeException e) {
      return new Sniff(container, Magic.OTHER, false, CorruptArchiveException.describe(e));
    }
  }

  /** A zip or tar, possibly inside gzip/xz. */
  boolean isArchive() {
    return content.isArchive();
  }
}
