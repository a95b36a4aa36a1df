/**
 * Log templates: which event a message is an instance of, learned online.
 *
 * <ul>
 *   <li>{@link io.bundlescope.analyzers.templates.Masker} replaces variables (numbers, IPs,
 *       UUIDs, hex ids, paths, URLs, times, durations, sizes) by placeholders; configurable,
 *       and usable on its own.
 *   <li>{@link io.bundlescope.analyzers.templates.TemplateMiner} is the algorithm core (Drain
 *       family: a fixed-depth prefix tree by word count and leading words, then similarity
 *       against the few templates of a leaf); every knob is in
 *       {@link io.bundlescope.analyzers.templates.MinerSettings}. Each
 *       {@link io.bundlescope.analyzers.templates.TemplateMiner#add} returns an
 *       {@link io.bundlescope.analyzers.templates.InsertResult}: a
 *       {@link io.bundlescope.analyzers.templates.ChangeType}, the template id and its text.
 *   <li>{@link io.bundlescope.analyzers.templates.TemplateSnapshot} is what a miner learned;
 *       a {@link io.bundlescope.analyzers.templates.SnapshotStore} (save/load;
 *       {@link io.bundlescope.analyzers.templates.FileSnapshotStore} on disk) keeps it between
 *       bundles so that template ids stay the same.
 *   <li>{@link io.bundlescope.analyzers.templates.PatternsReport} is the CSV of the
 *       {@code bundlescope patterns} command.
 * </ul>
 *
 * Threads: a miner is confined to one thread (one miner per bundle); maskers are immutable and
 * shared freely. Pure Java: nothing here imports Pekko.
 */
package io.bundlescope.analyzers.templates;
