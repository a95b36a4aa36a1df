package io.bundlescope.protocol.api;

import java.time.Instant;
import java.util.List;

/**
 * {@code /logs/anomalies}: a bundle's scored (template, node) pairs, highest score first.
 *
 * @param scannedAt when the bundle was scored (null: not yet; it is scored once complete)
 * @param total how many pairs scored at least {@code min_score} (the list may be cut at the limit)
 */
public record AnomaliesResponse(String logBundleId, Instant scannedAt, long total, List<Entry> anomalies) {

  /**
   * @param cvmIp the node, null for records without one
   * @param template the template's text (null when this node no longer knows it)
   * @param count the pair's records; {@code errors} the ERROR and FATAL ones
   * @param samples ids of some of its records, oldest first
   */
  public record Entry(long templateId, String cvmIp, double score, String template, long count, long errors,
      List<LogRecordView.Reason> reasons, List<String> samples) {}
}
