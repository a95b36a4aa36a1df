package io.bundlescope.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Answer of {@code GET /logs/search}.
 *
 * @param highlights with a text query: per record id, the [start, end) character offsets in its
 *     message of the words the query matched; absent without one
 * @param countedNotIndexed records matching the same filters that the bundle's ingest policy
 *     counted instead of indexing (never in {@code records} nor {@code total})
 */
public record SearchResponse(long total, List<LogRecordView> records, String nextCursor,
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, List<int[]>> highlights,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long countedNotIndexed) {

  public SearchResponse(long total, List<LogRecordView> records, String nextCursor) {
    this(total, records, nextCursor, null, null);
  }

  public SearchResponse(long total, List<LogRecordView> records, String nextCursor, Map<String, List<int[]>> highlights) {
    this(total, records, nextCursor, highlights, null);
  }
}
