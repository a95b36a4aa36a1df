package io.bundlescope.node;

import io.bundlescope.http.ApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders bundles may be read from. A submitted path is resolved after following every
 * link, so neither {@code ..} nor a symlink leads outside the roots.
 */
public final class AllowedRoots {
  private final List<Path> roots;

  public AllowedRoots(List<Path> roots) {
    List<Path> real = new ArrayList<>();
    for (Path root : roots) {
      try {
        Files.createDirectories(root);
        real.add(root.toRealPath());
      } catch (IOException e) {
        throw new IllegalStateException("cannot use allowed root " + root + ": " + e.getMessage(), e);
      }
    }
    this.roots = List.copyOf(real);
  }

  public List<Path> roots() {
    return roots;
  }

  /** The real path of a readable bundle under the roots, or an {@link ApiException} saying why not. */
  public Path resolve(String submitted) {
    Path path;
    try {
      path = Path.of(submitted).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw ApiException.badParam("log_bundle_path", "log_bundle_path is not a valid path: " + e.getMessage());
    }
    if (!Files.exists(path)) {
      throw ApiException.notFound("log_bundle_path", "log_bundle_path does not exist: " + submitted);
    }
    Path real;
    try {
      real = path.toRealPath();
    } catch (IOException e) {
      throw ApiException.badParam("log_bundle_path", "cannot resolve log_bundle_path " + submitted + ": " + e.getMessage());
    }
    if (roots.stream().noneMatch(real::startsWith)) {
      throw new ApiException(403, "log_bundle_path",
          "log_bundle_path " + submitted + " is outside the allowed roots " + roots);
    }
    if (!Files.isReadable(real)) {
      throw new ApiException(403, "log_bundle_path", "log_bundle_path is not readable: " + submitted);
    }
    if (!Files.isRegularFile(real) && !Files.isDirectory(real)) {
      throw ApiException.badParam("log_bundle_path", "log_bundle_path is neither a file nor a directory: " + submitted);
    }
    return real;
  }
}
