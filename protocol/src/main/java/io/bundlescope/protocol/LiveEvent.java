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
  @JsonSubTypes.Type(value = LiveEvent.RulesHit.class, name = "rules-hit"),
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

  /**
   * A rule check of the bundle found these hits, each absent from the previous check (a rule
   * that newly fired, or fired on a new node). {@code isFinal}: the check of the complete bundle,
   * published before {@link Ended}.
   */
  record RulesHit(boolean isFinal, List<Hit> hits) implements LiveEvent {}

  /**
   * One known-issue rule that fired, as {@code /logs/issues} lists it.
   *
   * @param node the node's IP, null when the rule counts over the whole cluster
   * @param firstMicros time of the first record of the first window that met the condition (epoch microseconds)
   * @param evidence record ids proving it
   */
  record Hit(String ruleId, int ruleVersion, String title, String severity, String node, long firstMicros,
      long lastMicros, long count, List<String> evidence) {}

  /** The bundle finished: {@code status} is completed or failed (with {@code errorMsg}). */
  record Ended(String status, String errorMsg) implements LiveEvent {}
}
