package io.bundlescope.http;

import io.bundlescope.parsers.LogLevel;
import io.bundlescope.protocol.LiveEvent;
import io.bundlescope.protocol.api.LogRecordView;
import io.bundlescope.protocol.api.Micros;
import io.bundlescope.protocol.api.StreamFrame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The frames one WebSocket client gets from a live event, for its {@code min_level}. */
final class StreamFrames {
  private StreamFrames() {}

  static List<StreamFrame> of(LiveEvent event, LogLevel minLevel) {
    if (event instanceof LiveEvent.RecordsParsed parsed) {
      return parsed.records().stream().filter(r -> r.level().atLeast(minLevel))
          .<StreamFrame>map(r -> new StreamFrame.RecordFrame(LogRecordView.of(r))).toList();
    }
    if (event instanceof LiveEvent.CellsCounted counted) return heatmap(counted, minLevel);
    if (event instanceof LiveEvent.RecordsDropped dropped) {
      long count = dropped.byLevel().entrySet().stream()
          .filter(e -> LogLevel.normalize(e.getKey()).atLeast(minLevel)).mapToLong(Map.Entry::getValue).sum();
      return count == 0 ? List.of() : List.of(new StreamFrame.Dropped(count));
    }
    if (event instanceof LiveEvent.Progressed p) {
      return List.of(new StreamFrame.Progress(p.filesTotal(), p.filesDone(), p.bytesTotal(), p.bytesDone(), p.records()));
    }
    if (event instanceof LiveEvent.RulesHit hit) {
      return hit.hits().stream().<StreamFrame>map(h -> new StreamFrame.RuleHit(h.ruleId(), h.ruleVersion(), h.title(),
          h.severity(), h.node(), Micros.toInstant(h.firstMicros()), Micros.toInstant(h.lastMicros()), h.count(),
          h.evidence(), hit.isFinal())).toList();
    }
    LiveEvent.Ended ended = (LiveEvent.Ended) event;
    return List.of(new StreamFrame.End(ended.status(), ended.errorMsg()));
  }

  /** The counted cells at or above the level, summed over levels; nothing when none is. */
  private static List<StreamFrame> heatmap(LiveEvent.CellsCounted counted, LogLevel minLevel) {
    record Key(String cvmIp, String service, long startMs) {}
    Map<Key, Long> sums = new LinkedHashMap<>();
    for (LiveEvent.Cell c : counted.cells()) {
      if (LogLevel.normalize(c.level()).atLeast(minLevel)) {
        sums.merge(new Key(c.cvmIp(), c.service(), c.startMs()), c.count(), Long::sum);
      }
    }
    if (sums.isEmpty()) return List.of();
    List<StreamFrame.Cell> cells = new ArrayList<>(sums.size());
    sums.forEach((k, n) -> cells.add(new StreamFrame.Cell(k.cvmIp(), k.service(),
        Micros.toInstant(k.startMs() * 1_000L), k.startMs(), n)));
    return List.of(new StreamFrame.HeatmapDelta(minLevel.name(), counted.slotMs(), cells));
  }
}
