package io.bundlescope.store;

import java.time.Instant;

/** The last anomaly scan of a bundle: when, on which node ({@code host:port}), how many pairs scored. */
public record AnomalyScanRow(String logBundleId, Instant scannedAt, String scoredOn, int pairs) {}
