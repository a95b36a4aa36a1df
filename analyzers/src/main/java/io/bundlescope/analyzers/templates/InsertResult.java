package io.bundlescope.analyzers.templates;

/**
 * The typed result of one {@link TemplateMiner#add}.
 *
 * @param change whether the template was created, generalized or left as it was
 * @param templateId the template's id, stable for the miner's life and across snapshots
 * @param template the template's text after this message, e.g. {@code Took <NUM> seconds to <*>}
 */
public record InsertResult(ChangeType change, long templateId, String template) {}
