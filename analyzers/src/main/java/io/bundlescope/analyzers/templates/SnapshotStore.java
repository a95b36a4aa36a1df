package io.bundlescope.analyzers.templates;

import java.io.IOException;
import java.util.Optional;

/**
 * Where a miner's {@link TemplateSnapshot} is kept between bundles. Two methods, so a file, a
 * database row or an in-memory twin for tests all fit ({@link FileSnapshotStore} is the file).
 */
public interface SnapshotStore {

  /** Replaces the stored snapshot with this one, all or nothing. */
  void save(TemplateSnapshot snapshot) throws IOException;

  /** The stored snapshot, or empty when none was saved yet. */
  Optional<TemplateSnapshot> load() throws IOException;
}
