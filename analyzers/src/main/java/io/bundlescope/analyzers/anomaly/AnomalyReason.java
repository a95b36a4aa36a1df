package io.bundlescope.analyzers.anomaly;

/**
 * Why a (template, node) pair scored: its kind, what was seen, and what it added to the score.
 *
 * @param kind {@link #RARE}, {@link #NEW}, {@link #BURST} or {@link #ONE_NODE}
 */
public record AnomalyReason(String kind, String detail, double contribution) {
  /** A template seen only a few times in a bundle of many records. */
  public static final String RARE = "rare";
  /** A template never seen on this node before the bundle. */
  public static final String NEW = "new";
  /** A slot whose count jumps far above the pair's own baseline. */
  public static final String BURST = "burst";
  /** An ERROR/FATAL template present on a single node of several. */
  public static final String ONE_NODE = "one_node";
}
