package io.bundlescope.analyzers.templates;

import java.util.List;

/**
 * Everything a {@link TemplateMiner} learned, so that the next bundle starts from it and keeps
 * the same template ids. Made by {@link TemplateMiner#snapshot()}, turned back into a miner by
 * {@link TemplateMiner#restore}, stored by a {@link SnapshotStore}.
 *
 * @param nextId the id the next new template will get (ids are never reused)
 * @param templates the templates, least recently matched first
 */
public record TemplateSnapshot(long nextId, List<Entry> templates) {

  public TemplateSnapshot {
    templates = List.copyOf(templates);
  }

  /**
   * One template.
   *
   * @param id its id
   * @param size messages that joined it
   * @param route the tree keys that lead to it (its leading words, or {@code <*>}), so that a
   *     restored miner files it exactly where it was
   * @param words its words, {@code <*>} included
   */
  public record Entry(long id, long size, List<String> route, List<String> words) {
    public Entry {
      route = List.copyOf(route);
      words = List.copyOf(words);
    }
  }
}
