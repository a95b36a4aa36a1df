package io.bundlescope.analyzers.anomaly;

/**
 * Every weight and threshold of {@link AnomalyScorer}; {@link #defaults()} documents the values.
 * A (template, node) pair's score is the sum of its reasons' contributions, at most 1.
 *
 * @param rareMaxCount a template is rare with at most this many records in the bundle...
 * @param rareMaxShare ...or at most this share of the bundle's records, whichever is larger
 * @param rareMinRecords rarity means something only in a bundle of at least this many records
 * @param rareWeight contribution of a template seen once; it falls linearly to {@code
 *     rareWeight / limit} at the rarity limit
 * @param newWeight contribution of a template first mined in this bundle
 * @param newMinKnownShare {@code new} counts only when at least this share of the bundle's
 *     records have templates the node knew before (on a fresh node every template is new)
 * @param burstZ a slot is a burst from this robust z-score on ((count - median) / max(1.4826
 *     MAD, 1)) over the pair's own per-slot counts
 * @param burstMinCount ...and with at least this many records in the slot
 * @param burstWeight contribution of a burst at {@code 2 * burstZ} and above; half of it at
 *     {@code burstZ}, linear in between
 * @param oneNodeWeight contribution of an ERROR/FATAL template present on a single node
 * @param oneNodeMinCount ...with at least this many records there (one record is always on one node)
 * @param oneNodeMinNodes ...in a bundle of at least this many nodes
 * @param warnFactor rare, new and burst contributions are multiplied by this when the pair's
 *     worst level is WARN
 * @param quietFactor ...and by this when it is INFO or below (ERROR and FATAL: 1)
 * @param flag a record is flagged (the evaluation, {@code anomaly=} filters by the caller's own
 *     value) from this score on
 */
public record AnomalySettings(
    int rareMaxCount, double rareMaxShare, long rareMinRecords, double rareWeight,
    double newWeight, double newMinKnownShare,
    double burstZ, int burstMinCount, double burstWeight,
    double oneNodeWeight, int oneNodeMinCount, int oneNodeMinNodes,
    double warnFactor, double quietFactor, double flag) {

  /**
   * rare: at most max(3, 0.001% of the records), in bundles of 1,000+ records, 0.3; new: 0.4 when
   * half the records have known templates; burst: robust z 6 and 5+ records in the slot, 0.25
   * to 0.5; one_node: 0.25 for an ERROR/FATAL template with 3+ records on one of 2+ nodes; level
   * factors WARN 0.75, INFO and below 0.5; flag from 0.5.
   */
  public static AnomalySettings defaults() {
    return new AnomalySettings(3, 0.00001, 1000, 0.3, 0.4, 0.5, 6, 5, 0.5, 0.25, 3, 2, 0.75, 0.5, 0.5);
  }

  public AnomalySettings withFlag(double value) {
    return new AnomalySettings(rareMaxCount, rareMaxShare, rareMinRecords, rareWeight, newWeight, newMinKnownShare,
        burstZ, burstMinCount, burstWeight, oneNodeWeight, oneNodeMinCount, oneNodeMinNodes, warnFactor, quietFactor,
        value);
  }
}
