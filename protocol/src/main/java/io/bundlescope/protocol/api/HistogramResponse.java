package io.bundlescope.protocol.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Answer of {@code GET /logs/aggregate?group_by=time}: record counts per time bucket.
 *
 * @param interval the bucket width as the API spells it ({@code 5m}); null (and {@code
 *     intervalMs} 0) when nothing matched, no time range was given and no width was asked for
 * @param splitBy the field counts are split by, or null
 * @param splitKeys the split field's keys with a count, largest total first
 * @param buckets consecutive buckets over the span, empty ones included
 * @param countedNotIndexed counted (not indexed) records matching the filters; in the buckets
 *     only with {@code include_counted=true}, each at its count slot's start
 */
public record HistogramResponse(String groupBy, String interval, long intervalMs, String splitBy,
    List<String> splitKeys, long total, List<Bucket> buckets, long countedNotIndexed) {

  public HistogramResponse(String groupBy, String interval, long intervalMs, String splitBy,
      List<String> splitKeys, long total, List<Bucket> buckets) {
    this(groupBy, interval, intervalMs, splitBy, splitKeys, total, buckets, 0);
  }

  /** {@code splits}: non-zero counts per split key. */
  public record Bucket(Instant startTime, long startMs, long count, Map<String, Long> splits) {}
}
