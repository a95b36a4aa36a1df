package io.bundlescope.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Answer of {@code GET /logs/search}.
 *
 * @param highlights with a text query: per record id, the [start, end) character offsets in its
 *     message of the words the query matched; absent without one
 */
public record SearchResponse(long total, List<LogRecordView> records, String nextCursor,
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, List<int[]>> highlights) {

  public SearchResponse(long total, List<LogRecordView> records, String nextCursor) {
    this(total, records, nextCursor, null);
  }
}
