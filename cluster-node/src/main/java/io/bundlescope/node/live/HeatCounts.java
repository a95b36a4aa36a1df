package io.bundlescope.node.live;

import io.bundlescope.parsers.LogRecord;
import io.bundlescope.protocol.LiveEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Records counted per node, service, level and time slot; not thread-safe. */
final class HeatCounts {
  private record Key(String cvmIp, String service, String level, long startMs) {}

  private final long slotMs;
  private final Map<Key, long[]> counts = new HashMap<>();

  HeatCounts(long slotMs) {
    this.slotMs = slotMs;
  }

  void add(LogRecord r) {
    long ms = Math.floorDiv(r.timeMicros(), 1_000L);
    Key key = new Key(r.cvmIp(), r.service(), r.level().name(), ms - Math.floorMod(ms, slotMs));
    counts.computeIfAbsent(key, k -> new long[1])[0]++;
  }

  void addAll(HeatCounts other) {
    other.counts.forEach((key, n) -> counts.computeIfAbsent(key, k -> new long[1])[0] += n[0]);
  }

  boolean isEmpty() {
    return counts.isEmpty();
  }

  LiveEvent.CellsCounted toEvent() {
    List<LiveEvent.Cell> cells = new ArrayList<>(counts.size());
    counts.forEach((k, n) -> cells.add(new LiveEvent.Cell(k.cvmIp(), k.service(), k.level(), k.startMs(), n[0])));
    return new LiveEvent.CellsCounted(slotMs, cells);
  }
}
