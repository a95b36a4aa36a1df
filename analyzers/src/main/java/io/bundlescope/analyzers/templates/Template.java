package io.bundlescope.analyzers.templates;

/**
 * A template as it stands now.
 *
 * @param id stable id (see {@link TemplateMiner})
 * @param text the words joined by one space; {@code <*>} where messages differed, masker
 *     placeholders such as {@code <NUM>} where the masker found a variable
 * @param size how many messages joined it (restored ones included)
 */
public record Template(long id, String text, long size) {}
