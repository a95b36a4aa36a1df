package io.bundlescope.node;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * {@code <data-dir>/node.json}, written by a node at start and removed when it stops, like a pid file: how the
 * admin commands reach the running node's HTTP API and its database (the embedded PostgreSQL's port changes at
 * every start). Never holds a password. A file left by a killed node names a dead pid: {@link #isRunning()} is false.
 *
 * @param pid the node's process id
 * @param httpUrl the node's HTTP API, e.g. {@code http://127.0.0.1:8080}
 * @param jdbcUrl the database the node uses
 * @param dbUser its user
 * @param embeddedDb whether the database is the node's embedded PostgreSQL (under {@code <data-dir>/pg})
 */
public record NodeFile(long pid, String httpUrl, String jdbcUrl, String dbUser, boolean embeddedDb) {
  public static final String NAME = "node.json";
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The file of a node in {@code dataDir}, if any (running or not). */
  public static Optional<NodeFile> read(Path dataDir) {
    Path file = dataDir.resolve(NAME);
    if (!Files.isRegularFile(file)) return Optional.empty();
    try {
      return Optional.of(JSON.readValue(file.toFile(), NodeFile.class));
    } catch (IOException e) {
      return Optional.empty(); // half-written or foreign: as if absent
    }
  }

  /** Whether the process that wrote the file still runs. */
  public boolean isRunning() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  void write(Path dataDir) throws IOException {
    Path tmp = dataDir.resolve(NAME + ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
    Files.move(tmp, dataDir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Removes the file if this process wrote it (a newer node may have replaced it). */
  static void removeOurs(Path dataDir) {
    read(dataDir).filter(f -> f.pid() == ProcessHandle.current().pid()).ifPresent(f -> {
      try {
        Files.deleteIfExists(dataDir.resolve(NAME));
      } catch (IOException ignored) {
        // a stale file names a dead pid, which readers recognize
      }
    });
  }
}
