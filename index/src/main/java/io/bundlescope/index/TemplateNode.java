package io.bundlescope.index;

/**
 * A message template on one node: the unit anomalies are scored by.
 *
 * @param templateId the template's id on the indexing node (see {@code LogRecord#templateId})
 * @param cvmIp the node IP, or null for records without one
 */
public record TemplateNode(long templateId, String cvmIp) {}
