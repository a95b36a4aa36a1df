package io.bundlescope.analyzers.health;

/**
 * Every weight of the health score, in one place ({@link #defaults()}; ARCHITECTURE.md, "Process
 * runs and health"). A (node, service) starts at 100 and loses a capped penalty per kind of
 * trouble; the score is never below 0. Each penalty is rounded to a whole point.
 *
 * @param fatalEach per FATAL record of the (node, service)
 * @param fatalCap at most this for FATAL records
 * @param restartEach per restart (a run followed by another run, from the process runs)
 * @param restartCap at most this for restarts
 * @param errorRateWeight times the share (0..1) of ERROR records among all its records
 * @param errorRateCap at most this for the error rate
 * @param errorRateMinErrors no error-rate penalty below this many ERROR records
 * @param trendPerDoubling per doubling of the ERROR+FATAL rate in the bundle's last quarter over
 *     its first three quarters
 * @param trendCap at most this for the trend
 * @param trendMinRatio no trend penalty below this ratio of rates
 * @param trendMinErrors no trend penalty below this many ERROR+FATAL records in the last quarter
 * @param issueCritical per known issue of severity critical mapped to the (node, service)
 * @param issueMajor per major issue
 * @param issueMinor per minor issue
 * @param issueInfo per info issue
 * @param issueCap at most this for issues
 * @param anomalyEach per anomalous record (anomaly score at least {@code anomalyThreshold})
 * @param anomalyThreshold a record is anomalous from this score on
 * @param anomalyCap at most this for anomalies
 * @param maxEvidence record ids given per reason
 */
public record HealthWeights(
    double fatalEach, double fatalCap,
    double restartEach, double restartCap,
    double errorRateWeight, double errorRateCap, long errorRateMinErrors,
    double trendPerDoubling, double trendCap, double trendMinRatio, long trendMinErrors,
    double issueCritical, double issueMajor, double issueMinor, double issueInfo, double issueCap,
    double anomalyEach, double anomalyThreshold, double anomalyCap,
    int maxEvidence) {

  public static HealthWeights defaults() {
    return new HealthWeights(
        10, 30,
        8, 24,
        50, 10, 5,
        5, 15, 2, 5,
        15, 10, 5, 0, 30,
        2, 0.8, 10,
        5);
  }

  /** The penalty of one known issue of this severity ({@code critical, major, minor, info}). */
  public double issue(String severity) {
    return switch (severity == null ? "" : severity.toLowerCase(java.util.Locale.ROOT)) {
      case "critical" -> issueCritical;
      case "major" -> issueMajor;
      case "minor" -> issueMinor;
      default -> issueInfo;
    };
  }
}
