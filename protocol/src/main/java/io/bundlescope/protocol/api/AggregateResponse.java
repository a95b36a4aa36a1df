package io.bundlescope.protocol.api;

import java.util.List;

/** Answer of {@code GET /logs/aggregate}. */
public record AggregateResponse(String groupBy, long total, List<Bucket> buckets) {

  public record Bucket(String key, long count) {}
}
