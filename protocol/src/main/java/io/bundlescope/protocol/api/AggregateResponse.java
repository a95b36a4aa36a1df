package io.bundlescope.protocol.api;

import java.util.List;

/**
 * Answer of {@code GET /logs/aggregate}.
 *
 * @param countedNotIndexed records matching the filters that the ingest policy counted instead of
 *     indexing; part of {@code total} and the buckets only with {@code include_counted=true}
 */
public record AggregateResponse(String groupBy, long total, List<Bucket> buckets, long countedNotIndexed) {

  public AggregateResponse(String groupBy, long total, List<Bucket> buckets) {
    this(groupBy, total, buckets, 0);
  }

  public record Bucket(String key, long count) {}
}
