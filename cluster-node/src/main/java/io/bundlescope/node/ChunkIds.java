package io.bundlescope.node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Chunk ids derive from the file's logical path, so every node and every restart agree. */
final class ChunkIds {
  private ChunkIds() {}

  static String of(String logicalPath) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(logicalPath.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
