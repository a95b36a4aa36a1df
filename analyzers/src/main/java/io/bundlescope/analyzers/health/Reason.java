package io.bundlescope.analyzers.health;

import java.util.List;

/**
 * One penalty of a health score and why.
 *
 * @param kind {@code fatal}, {@code restarts}, {@code error_rate}, {@code error_trend}, {@code
 *     issue} or {@code anomalies}
 * @param detail what was seen, for a person
 * @param penalty points taken off 100
 * @param evidence ids of records that show it
 */
public record Reason(String kind, String detail, int penalty, List<String> evidence) {
  public static final String FATAL = "fatal";
  public static final String RESTARTS = "restarts";
  public static final String ERROR_RATE = "error_rate";
  public static final String ERROR_TREND = "error_trend";
  public static final String ISSUE = "issue";
  public static final String ANOMALIES = "anomalies";

  public Reason {
    evidence = List.copyOf(evidence);
  }
}
