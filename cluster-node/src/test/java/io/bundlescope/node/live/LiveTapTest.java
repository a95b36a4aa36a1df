package io.bundlescope.node.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import io.bundlescope.protocol.LiveEvent;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveTapTest {
  private static final LiveSettings SETTINGS = new LiveSettings(LogLevel.WARN, Duration.ofMillis(200),
      Duration.ofSeconds(1), Duration.ofMinutes(1), 100, 500, 128 * 1024, 100, Duration.ofSeconds(5),
      Duration.ofSeconds(30), Duration.ofSeconds(60));

  private static LogRecord record(int i, LogLevel level) {
    return new LogRecord("r" + i, "b1", "message " + i, "stargate", "stargate.INFO", "PE/stargate.INFO",
        (60_000_000L * (i % 3)) + i, "t", level, "stargate.INFO", null, "10.1.2.10", 0, i, "c1");
  }

  private static long counted(LiveTap tap) {
    return tap.takeCounts().toEvent().cells().stream().mapToLong(LiveEvent.Cell::count).sum();
  }

  @Test
  void keepsOnlyRecordsAtOrAboveTheFloorAndHandsThemOverInBatchesAndAtTheEnd() {
    LiveTap tap = new LiveTap("b1", SETTINGS);
    ChunkTap chunk = tap.chunk();
    for (int i = 0; i < ChunkTap.HAND_EVERY; i++) chunk.accept(record(i, i % 2 == 0 ? LogLevel.ERROR : LogLevel.INFO));
    assertThat(tap.takeRecords()).isEmpty();

    for (int i = 0; i < ChunkTap.HAND_EVERY; i++) chunk.accept(record(100 + i, LogLevel.WARN));
    assertThat(tap.takeRecords()).hasSize(ChunkTap.HAND_EVERY);
    chunk.accept(record(999, LogLevel.FATAL));
    chunk.flush();

    assertThat(tap.takeRecords()).hasSize(ChunkTap.HAND_EVERY / 2 + 1);
    assertThat(counted(tap)).isEqualTo(ChunkTap.HAND_EVERY + ChunkTap.HAND_EVERY / 2 + 1);
  }

  @Test
  void pastItsCapacityDropsRecordsCountingThemPerLevelButKeepsTheirHeatmapCounts() {
    LiveTap tap = new LiveTap("b1", SETTINGS);
    ChunkTap chunk = tap.chunk();
    for (int i = 0; i < 150; i++) chunk.accept(record(i, i < 120 ? LogLevel.WARN : LogLevel.ERROR));
    chunk.flush();

    assertThat(tap.takeRecords()).hasSize(100);
    assertThat(tap.takeDropped()).isEqualTo(Map.of("WARN", 20L, "ERROR", 30L));
    assertThat(tap.takeDropped()).isEmpty();
    LiveEvent.CellsCounted counts = tap.takeCounts().toEvent();
    assertThat(counts.slotMs()).isEqualTo(60_000);
    assertThat(counts.cells()).allSatisfy(c -> assertThat(c.startMs() % 60_000).isZero());
    assertThat(counts.cells().stream().mapToLong(LiveEvent.Cell::count).sum()).isEqualTo(150);
  }

  @Test
  void aClosedTapIgnoresWhatLateParsersHand() {
    LiveTap tap = new LiveTap("b1", SETTINGS);
    ChunkTap chunk = tap.chunk();
    tap.close();
    chunk.accept(record(1, LogLevel.ERROR));
    chunk.flush();

    assertThat(tap.takeRecords()).isEmpty();
    assertThat(tap.takeCounts().isEmpty()).isTrue();
  }
}
