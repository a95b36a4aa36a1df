package io.bundlescope.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import io.bundlescope.protocol.LiveEvent;
import io.bundlescope.protocol.api.StreamFrame;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamFramesTest {

  private static LogRecord record(String id, LogLevel level) {
    return new LogRecord(id, "b1", "disk failed", "stargate", "stargate.INFO", "PE/cvm_logs/stargate.INFO",
        1_796_083_200_000_000L, "20261201 00:00:00", level, "stargate.INFO", 42L, "10.1.2.10", 0, 7, "c1");
  }

  private static JsonNode json(StreamFrame frame) throws Exception {
    return Json.MAPPER.readTree(Json.MAPPER.writerFor(StreamFrame.class).writeValueAsString(frame));
  }

  @Test
  void recordsBelowTheClientsLevelAreLeftOutAndTheRestLookLikeSearchRecords() throws Exception {
    var parsed = new LiveEvent.RecordsParsed(List.of(record("r1", LogLevel.WARN), record("r2", LogLevel.ERROR),
        record("r3", LogLevel.FATAL)));

    List<StreamFrame> frames = StreamFrames.of(parsed, LogLevel.ERROR);

    assertEquals(2, frames.size());
    JsonNode first = json(frames.get(0));
    assertEquals("record", first.path("type").asText());
    assertEquals("r2", first.path("record").path("id").asText());
    assertEquals("10.1.2.10", first.path("record").path("cvm_ip").asText());
    assertEquals("2026-12-01T00:00:00Z", first.path("record").path("time").asText());
  }

  @Test
  void heatmapCellsSumTheLevelsAtOrAboveTheClientsLevelPerNodeServiceAndSlot() throws Exception {
    var counted = new LiveEvent.CellsCounted(60_000, List.of(
        new LiveEvent.Cell("10.1.2.10", "stargate", "ERROR", 120_000, 3),
        new LiveEvent.Cell("10.1.2.10", "stargate", "FATAL", 120_000, 1),
        new LiveEvent.Cell("10.1.2.10", "stargate", "WARN", 120_000, 50),
        new LiveEvent.Cell("10.1.2.11", "genesis", "WARN", 60_000, 5)));

    JsonNode delta = json(StreamFrames.of(counted, LogLevel.ERROR).get(0));

    assertEquals("heatmap_delta", delta.path("type").asText());
    assertEquals(60_000, delta.path("interval_ms").asLong());
    assertEquals(1, delta.path("cells").size());
    JsonNode cell = delta.path("cells").get(0);
    assertEquals(4, cell.path("count").asLong());
    assertEquals(120_000, cell.path("start_ms").asLong());
    assertEquals("1970-01-01T00:02:00Z", cell.path("start_time").asText());
    assertEquals(2, json(StreamFrames.of(counted, LogLevel.WARN).get(0)).path("cells").size());
    assertTrue(StreamFrames.of(counted, LogLevel.FATAL).size() == 1);
    assertTrue(StreamFrames.of(new LiveEvent.CellsCounted(60_000, List.of(counted.cells().get(3))), LogLevel.ERROR).isEmpty());
  }

  @Test
  void dropsCountOnlyTheClientsLevelsAndNoneMeansNoFrame() throws Exception {
    var dropped = new LiveEvent.RecordsDropped(Map.of("WARN", 10L, "ERROR", 2L, "FATAL", 1L));

    assertEquals(3, json(StreamFrames.of(dropped, LogLevel.ERROR).get(0)).path("count").asLong());
    assertTrue(StreamFrames.of(new LiveEvent.RecordsDropped(Map.of("WARN", 10L)), LogLevel.ERROR).isEmpty());
  }

  @Test
  void theEndCarriesTheStatusAndTheError() throws Exception {
    JsonNode end = json(StreamFrames.of(new LiveEvent.Ended("failed", "not an archive"), LogLevel.ERROR).get(0));

    assertEquals("end", end.path("type").asText());
    assertEquals("failed", end.path("status").asText());
    assertEquals("not an archive", end.path("error_msg").asText());
  }

  @Test
  void eachNewRuleHitIsOneRuleHitFrameWhateverTheClientsLevel() throws Exception {
    var hits = new LiveEvent.RulesHit(true, List.of(
        new LiveEvent.Hit("disk-full", 3, "Disk full", "critical", "10.1.2.10", 1_796_083_200_000_000L,
            1_796_083_260_500_000L, 7, List.of("r1", "r2")),
        new LiveEvent.Hit("storm", 1, "Connection storm", "minor", null, 1_796_083_200_000_000L,
            1_796_083_200_000_000L, 2, List.of("r3"))));

    List<StreamFrame> frames = StreamFrames.of(hits, LogLevel.FATAL);

    assertEquals(2, frames.size());
    JsonNode first = json(frames.get(0));
    assertEquals("rule_hit", first.path("type").asText());
    assertEquals("disk-full", first.path("rule_id").asText());
    assertEquals(3, first.path("rule_version").asInt());
    assertEquals("Disk full", first.path("title").asText());
    assertEquals("critical", first.path("severity").asText());
    assertEquals("10.1.2.10", first.path("node").asText());
    assertEquals("2026-12-01T00:00:00Z", first.path("first_time").asText());
    assertEquals("2026-12-01T00:01:00.500Z", first.path("last_time").asText());
    assertEquals(7, first.path("count").asLong());
    assertEquals("[\"r1\",\"r2\"]", first.path("evidence").toString());
    assertTrue(first.path("is_final").asBoolean());
    JsonNode cluster = json(frames.get(1));
    assertTrue(cluster.has("node") && cluster.path("node").isNull(), "a cluster-wide hit has node null: " + cluster);
    assertTrue(StreamFrames.of(new LiveEvent.RulesHit(false, List.of()), LogLevel.ERROR).isEmpty());
  }
}
