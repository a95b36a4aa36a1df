package io.bundlescope.analyzers.anomaly;

import io.bundlescope.index.TemplateNode;
import java.util.List;

/**
 * A (template, node) pair with a score in (0, 1] and its reasons, largest contribution first.
 *
 * @param cvmIp the node, or null for records without one
 * @param count its records in the bundle
 * @param errors its ERROR and FATAL records
 */
public record ScoredPair(long templateId, String cvmIp, long count, long errors, double score,
    List<AnomalyReason> reasons) {

  public TemplateNode pair() {
    return new TemplateNode(templateId, cvmIp);
  }
}
