package io.bundlescope.analyzers.templates;

/**
 * Tuning of a {@link TemplateMiner}. One set of defaults serves every log source: they were
 * chosen on the loghub 2k samples of eight systems together (see {@code GroupingAccuracyEval}
 * in the test sources), never per system.
 *
 * @param prefixDepth how many leading words route a message in the tree below the word-count
 *     level. Messages whose first {@code prefixDepth} words differ never share a template
 *     (words that route as {@code <*>} aside), so a larger value splits more and compares each
 *     message with fewer templates. Drain's {@code depth} is this plus 2 (root and word-count
 *     levels). Default {@value #DEFAULT_PREFIX_DEPTH} (1 and 4 score lower on the samples, 3
 *     about the same); at least 0.
 * @param similarityThreshold least share of a message's positions that must hold the template's
 *     word, or a variable word where the template has one ({@code <IP>} against
 *     {@code <IP>,<IP>}), for the message to join the template; {@code <*>} positions do not
 *     count. Higher: more, narrower templates. Default {@value #DEFAULT_SIMILARITY_THRESHOLD}
 *     (0.3 to 0.5 score the same on the samples; 0.6 and up lower); in (0, 1].
 * @param maxChildren most children of a tree node; once a node has {@code maxChildren - 1}
 *     word children, messages with any other word at that level go to its {@code <*>} child.
 *     Bounds memory and search when a leading word is a variable the masker missed. Default
 *     {@value #DEFAULT_MAX_CHILDREN}; at least 2.
 * @param maxClusters most templates held; beyond it the least recently matched template is
 *     dropped (its id is never reused). Default {@value #DEFAULT_MAX_CLUSTERS}; at least 1.
 * @param digitsRouteToWildcard when true, a leading word holding a digit routes to the
 *     {@code <*>} child instead of a child of its own (it is probably a variable the masker
 *     left, such as {@code node12}). Default true.
 * @param lettersAreConstants when true, a message does not join a template if at some position
 *     the two words differ only in a run of letters ({@code Started}/{@code Stopped},
 *     {@code (usable)}/{@code (reserved)}, {@code user=root}/{@code user=guest},
 *     {@code SCREEN_ON}/{@code SCREEN_OFF}): such words are taken to name different events, and
 *     variables to carry digits or symbols or to be masked. The price: an event whose variable
 *     is a plain word (a user or host name without digits) gets one template per value. Default
 *     true (without it, average GA on the loghub samples drops from 0.976 to 0.919).
 */
public record MinerSettings(
    int prefixDepth,
    double similarityThreshold,
    int maxChildren,
    int maxClusters,
    boolean digitsRouteToWildcard,
    boolean lettersAreConstants) {

  public static final int DEFAULT_PREFIX_DEPTH = 2;
  public static final double DEFAULT_SIMILARITY_THRESHOLD = 0.4;
  public static final int DEFAULT_MAX_CHILDREN = 100;
  public static final int DEFAULT_MAX_CLUSTERS = 100_000;

  public MinerSettings {
    if (prefixDepth < 0) throw new IllegalArgumentException("prefixDepth must be >= 0: " + prefixDepth);
    if (!(similarityThreshold > 0 && similarityThreshold <= 1)) {
      throw new IllegalArgumentException("similarityThreshold must be in (0, 1]: " + similarityThreshold);
    }
    if (maxChildren < 2) throw new IllegalArgumentException("maxChildren must be >= 2: " + maxChildren);
    if (maxClusters < 1) throw new IllegalArgumentException("maxClusters must be >= 1: " + maxClusters);
  }

  public static MinerSettings defaults() {
    return new MinerSettings(DEFAULT_PREFIX_DEPTH, DEFAULT_SIMILARITY_THRESHOLD, DEFAULT_MAX_CHILDREN,
        DEFAULT_MAX_CLUSTERS, true, true);
  }

  public MinerSettings withPrefixDepth(int value) {
    return new MinerSettings(value, similarityThreshold, maxChildren,
        maxClusters, digitsRouteToWildcard, lettersAreConstants);
  }

  public MinerSettings withSimilarityThreshold(double value) {
    return new MinerSettings(prefixDepth, value, maxChildren,
        maxClusters, digitsRouteToWildcard, lettersAreConstants);
  }

  public MinerSettings withMaxChildren(int value) {
    return new MinerSettings(prefixDepth, similarityThreshold, value,
        maxClusters, digitsRouteToWildcard, lettersAreConstants);
  }

  public MinerSettings withMaxClusters(int value) {
    return new MinerSettings(prefixDepth, similarityThreshold, maxChildren,
        value, digitsRouteToWildcard, lettersAreConstants);
  }

  public MinerSettings withDigitsRouteToWildcard(boolean value) {
    return new MinerSettings(prefixDepth, similarityThreshold, maxChildren,
        maxClusters, value, lettersAreConstants);
  }

  public MinerSettings withLettersAreConstants(boolean value) {
    return new MinerSettings(prefixDepth, similarityThreshold, maxChildren,
        maxClusters, digitsRouteToWildcard, value);
  }
}
