package io.bundlescope.analyzers.templates;

/** What one {@link TemplateMiner#add} did to the miner's templates. */
public enum ChangeType {
  /** The message matched no template: a new template was made from it. */
  CREATED,
  /** The message joined a template and turned at least one of its words into {@code <*>}. */
  CHANGED,
  /** The message joined a template that already covered it. */
  NONE
}
