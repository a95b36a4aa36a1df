package io.bundlescope.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.bundlescope.parsers.LogRecord;
import java.util.List;
import java.util.Map;

/**
 * What the node ingesting a bundle publishes about it on the bundle's pub-sub topic, so that a
 * WebSocket on any node can follow the ingest live. Only records at or above the publishing
 * node's floor level are published; all events of one bundle come from one publisher, in order.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
@JsonSubTypes({
  @JsonSubTypes.Type(value = LiveEvent.RecordsParsed.class, name = "records"),
  @JsonSubTypes.Type(value = LiveEvent.CellsCounted.class, name = "cells"),
  @JsonSubTypes.Type(value = LiveEvent.RecordsDropped.class, name = "dropped"),
  @JsonSubTypes.Type(value = LiveEvent.Progressed.class, name = "progressed"),
  @JsonSubTypes.Type(value = LiveEvent.Ended.class, name = "ended")
})
public sealed interface LiveEvent extends CborSerializable {

  /** Records just parsed (not yet committed to the index), in file order within each file. */
  record RecordsParsed(List<LogRecord> records) implements LiveEvent {}

  /**
   * Records counted since the previous counts, per node, service, level and time slot of
   * {@code slotMs}; dropped records are counted too.
   */
  record CellsCounted(long slotMs, List<Cell> cells) implements LiveEvent {}

  /** @param startMs start of the slot, epoch milliseconds (UTC), a multiple of the slot width */
  record Cell(String cvmIp, String service, String level, long startMs, long count) {}

  /**
   * Records parsed but not published since the previous notice (the publisher fell behind), per
   * level name.
   */
  record RecordsDropped(Map<String, Long> byLevel) implements LiveEvent {}

  /** Files and records committed to the index so far. */
  record Progressed(long filesTotal, long filesDone, long bytesTotal, long bytesDone, long records)
      implements LiveEvent {}

  /** The bundle finished: {@code status} is completed or failed (with {@code errorMsg}). */
  record Ended(String status, String errorMsg) implements LiveEvent {}
}
