package io.bundlescope.protocol.api;

import java.time.Instant;
import java.util.List;

/**
 * {@code /logs/health}: a 0-100 score per service and per node x service (100: nothing wrong
 * seen), with the reasons of every point taken off.
 *
 * @param services worst first
 */
public record ServiceHealthResponse(String logBundleId, List<Service> services, Instant computedAt) {

  /**
   * A service scored by its worst node.
   *
   * @param worstCvmIp the node it is scored by
   * @param spread its best node's score minus its worst's
   * @param reasons the worst node's reasons
   * @param nodes worst first
   */
  public record Service(String service, int score, String worstCvmIp, int spread, List<Reason> reasons,
      List<Node> nodes) {}

  public record Node(String cvmIp, int score, List<Reason> reasons) {}

  /**
   * @param kind {@code fatal}, {@code restarts}, {@code error_rate}, {@code error_trend}, {@code issue}, {@code anomalies}
   * @param penalty points taken off 100
   * @param evidence ids of records that show it
   */
  public record Reason(String kind, String detail, int penalty, List<String> evidence) {}
}
