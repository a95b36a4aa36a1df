package io.bundlescope.store;

import java.util.List;

/**
 * The anomaly score of one (message template, node) pair of a bundle.
 *
 * @param node the cvm_ip, or null for records without one
 * @param reasons largest contribution first
 */
public record AnomalyRow(String logBundleId, long templateId, String node, double score, long recordCount,
    long errorCount, List<Reason> reasons) {

  public AnomalyRow {
    reasons = List.copyOf(reasons);
  }

  /** One reason: {@code rare}, {@code new}, {@code burst} or {@code one_node}. */
  public record Reason(String kind, String detail, double contribution) {}
}
