package io.bundlescope.analyzers.templates;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A node's message templates: one {@link TemplateMiner} that every bundle ingested on the node
 * feeds (ingest threads share it under a lock), so a template id names the same event in every
 * bundle of the node, and a template first mined in a bundle is "new" there. The miner's
 * snapshot and each template's first bundle are kept in {@code dir}; {@link #save} must run
 * before records carrying ids are made durable (the ingest commit does it), so no id in the
 * index is ever handed out again after a crash.
 */
public final class TemplateLibrary {
  private final TemplateMiner miner;
  private final FileSnapshotStore snapshots;
  private final Path originsFile;
  private final Map<Long, String> firstBundle;
  private boolean dirty;

  private TemplateLibrary(TemplateMiner miner, FileSnapshotStore snapshots, Path originsFile,
      Map<Long, String> firstBundle) {
    this.miner = miner;
    this.snapshots = snapshots;
    this.originsFile = originsFile;
    this.firstBundle = firstBundle;
  }

  /** The library kept in {@code dir}, empty when nothing was saved there yet. */
  public static TemplateLibrary open(Path dir) throws IOException {
    FileSnapshotStore snapshots = new FileSnapshotStore(dir.resolve("templates.tsv"));
    Masker masker = Masker.defaults();
    MinerSettings settings = MinerSettings.defaults();
    TemplateMiner miner = Files.exists(snapshots.file())
        ? snapshots.load().map(s -> TemplateMiner.restore(masker, settings, s)).orElseGet(() -> new TemplateMiner(masker, settings))
        : new TemplateMiner(masker, settings);
    Path origins = dir.resolve("template-origins.tsv");
    return new TemplateLibrary(miner, snapshots, origins, readOrigins(origins));
  }

  /** The template id of a record's message (its first line), learning from it. */
  public synchronized long assign(String bundleId, String message) {
    int newline = message.indexOf('\n');
    InsertResult r = miner.add(newline < 0 ? message : message.substring(0, newline));
    if (r.change() != ChangeType.NONE) dirty = true;
    if (r.change() == ChangeType.CREATED) firstBundle.put(r.templateId(), bundleId);
    return r.templateId();
  }

  public synchronized Optional<Template> template(long id) {
    return miner.template(id);
  }

  /** The bundle in which the template was first mined on this node. */
  public synchronized Optional<String> firstBundle(long id) {
    return Optional.ofNullable(firstBundle.get(id));
  }

  /** Makes the templates handed out so far durable (a no-op when nothing changed). */
  public synchronized void save() throws IOException {
    if (!dirty) return;
    snapshots.save(miner.snapshot());
    writeOrigins();
    dirty = false;
  }

  private void writeOrigins() throws IOException {
    Path tmp = originsFile.resolveSibling(originsFile.getFileName() + ".tmp");
    try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (Map.Entry<Long, String> e : firstBundle.entrySet()) out.write(e.getKey() + "\t" + e.getValue() + "\n");
    }
    try {
      Files.move(tmp, originsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, originsFile, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Map<Long, String> readOrigins(Path file) throws IOException {
    Map<Long, String> origins = new HashMap<>();
    if (!Files.exists(file)) return origins;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        int tab = line.indexOf('\t');
        if (tab > 0) origins.put(Long.parseLong(line.substring(0, tab)), line.substring(tab + 1));
      }
    }
    return origins;
  }
}
