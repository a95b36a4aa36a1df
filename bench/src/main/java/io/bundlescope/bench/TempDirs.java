package io.bundlescope.bench;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Scratch directories of the ingest harness. */
final class TempDirs {
  private TempDirs() {}

  /** A new empty directory under {@code parent} (created if needed), named {@code prefix...}. */
  static Path create(Path parent, String prefix) throws IOException {
    return Files.createTempDirectory(Files.createDirectories(parent), prefix);
  }

  /** Deletes {@code root} and everything under it; nothing if it does not exist. */
  static void delete(Path root) throws IOException {
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
