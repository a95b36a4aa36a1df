package io.bundlescope.index;

import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of one chunk that are counted rather than indexed: one count per (message
 * template, node, service, level, epoch-aligned time slot). Not thread-safe: one per parse.
 */
public final class CountedRecords {
  private record Key(long templateId, String cvmIp, String service, LogLevel level, long slotMicros) {}

  private final long slotMicros;
  private final Map<Key, long[]> counts = new HashMap<>();
  private long total;

  /** Counts in slots of {@code slotMicros} from the epoch. */
  public CountedRecords(long slotMicros) {
    if (slotMicros < 1) throw new IllegalArgumentException("a count slot must be at least 1 microsecond");
    this.slotMicros = slotMicros;
  }

  /** Counts the record (its template id, node, service, level and the slot of its time). */
  public void add(LogRecord r) {
    long slot = Math.floorDiv(r.timeMicros(), slotMicros) * slotMicros;
    counts.computeIfAbsent(new Key(r.templateId(), r.cvmIp(), r.service(), r.level(), slot), k -> new long[1])[0]++;
    total++;
  }

  /** Records counted so far. */
  public long total() {
    return total;
  }

  public boolean isEmpty() {
    return total == 0;
  }

  /** One row per key, in no particular order. */
  public List<CountedRow> rows() {
    List<CountedRow> rows = new ArrayList<>(counts.size());
    counts.forEach((k, n) -> rows.add(new CountedRow(k.templateId(), k.cvmIp(), k.service(), k.level(), k.slotMicros(), n[0])));
    return rows;
  }
}
