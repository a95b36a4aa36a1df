package io.bundlescope.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counted records (see {@link LogStore#counted}) merged into what the index answers about
 * indexed ones: aggregations, histograms and template statistics. Pure functions.
 */
public final class CountedViews {
  private CountedViews() {}

  public static long total(List<CountedRow> rows) {
    return rows.stream().mapToLong(CountedRow::count).sum();
  }

  /** The key a row has in a grouping, or null (counted records have no file name or pid). */
  static String key(CountedRow r, GroupField field) {
    return switch (field) {
      case SERVICE, FILENAME_WITHOUT_EXT -> r.service();
      case CVM_IP -> r.cvmIp();
      case LOG_LEVEL -> r.level().name();
      case TEMPLATE_ID -> Long.toString(r.templateId());
      case FILENAME, PID -> null;
    };
  }

  /** Indexed buckets plus the counted rows grouped the same way, largest first, then by key. */
  public static List<Bucket> aggregate(List<Bucket> indexed, List<CountedRow> rows, GroupField field) {
    Map<String, Long> sums = new LinkedHashMap<>();
    indexed.forEach(b -> sums.merge(b.key(), b.count(), Long::sum));
    for (CountedRow r : rows) {
      String key = key(r, field);
      if (key != null) sums.merge(key, r.count(), Long::sum);
    }
    List<Bucket> merged = new ArrayList<>();
    sums.forEach((k, n) -> merged.add(new Bucket(k, n)));
    merged.sort(Comparator.comparingLong(Bucket::count).reversed().thenComparing(Bucket::key));
    return merged;
  }

  /**
   * The histogram with the counted rows added, each in the slot holding its count slot's start;
   * the span grows to cover them (keeping the width; one is chosen when nothing was indexed).
   *
   * @throws InvalidQueryException (param {@code interval}) when the span would need more than
   *     {@link Intervals#MAX_SLOTS} slots
   */
  public static Histogram histogram(Histogram indexed, List<CountedRow> rows, Long intervalMicros) {
    if (rows.isEmpty()) return indexed;
    long minRow = rows.stream().mapToLong(CountedRow::slotMicros).min().orElseThrow();
    long maxRow = rows.stream().mapToLong(CountedRow::slotMicros).max().orElseThrow();
    boolean hasSlots = !indexed.slots().isEmpty();
    long width = hasSlots || indexed.intervalMicros() > 0 ? indexed.intervalMicros()
        : intervalMicros != null ? intervalMicros : Intervals.auto(minRow, maxRow + 1);
    long from = Math.floorDiv(minRow, width) * width;
    long to = maxRow + 1;
    if (hasSlots) {
      from = Math.min(from, indexed.slots().get(0).startMicros());
      to = Math.max(to, indexed.slots().get(indexed.slots().size() - 1).startMicros() + width);
    }
    long slots = Intervals.slots(from, to, width);
    if (slots > Intervals.MAX_SLOTS) {
      throw new InvalidQueryException("interval", "interval " + Intervals.format(width) + " gives " + slots
          + " slots over the time span with counted records; at most " + Intervals.MAX_SLOTS + ": use a wider interval");
    }
    long[] counts = new long[(int) slots];
    List<Map<String, Long>> splits = new ArrayList<>();
    for (int i = 0; i < slots; i++) splits.add(new TreeMap<>());
    for (Histogram.Slot s : indexed.slots()) {
      int i = (int) ((s.startMicros() - from) / width);
      counts[i] += s.count();
      s.bySplit().forEach((k, n) -> splits.get(i).merge(k, n, Long::sum));
    }
    for (CountedRow r : rows) {
      int i = (int) ((Math.floorDiv(r.slotMicros(), width) * width - from) / width);
      counts[i] += r.count();
      if (indexed.split() != null) {
        String key = key(r, indexed.split());
        if (key != null) splits.get(i).merge(key, r.count(), Long::sum);
      }
    }
    Map<String, Long> totals = new HashMap<>();
    List<Histogram.Slot> out = new ArrayList<>();
    for (int i = 0; i < slots; i++) {
      splits.get(i).forEach((k, n) -> totals.merge(k, n, Long::sum));
      out.add(new Histogram.Slot(from + i * width, counts[i], Map.copyOf(splits.get(i))));
    }
    List<String> keys = totals.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).toList();
    return new Histogram(width, indexed.split(), keys, out);
  }

  /**
   * Template statistics of indexed records merged with those of counted rows (first and last
   * time of a counted record are its slot's start), largest count first, then by id.
   */
  public static List<TemplateStat> templates(List<TemplateStat> indexed, List<CountedRow> rows) {
    Map<Long, TemplateStat> byId = new LinkedHashMap<>();
    indexed.forEach(t -> byId.put(t.templateId(), t));
    for (CountedRow r : rows) {
      TemplateStat old = byId.get(r.templateId());
      TreeSet<String> nodes = old == null ? new TreeSet<>() : new TreeSet<>(old.nodes());
      TreeSet<String> services = old == null ? new TreeSet<>() : new TreeSet<>(old.services());
      if (r.cvmIp() != null) nodes.add(r.cvmIp());
      if (r.service() != null) services.add(r.service());
      byId.put(r.templateId(), old == null
          ? new TemplateStat(r.templateId(), r.count(), r.slotMicros(), r.slotMicros(), nodes, services)
          : new TemplateStat(r.templateId(), old.count() + r.count(), Math.min(old.firstMicros(), r.slotMicros()),
              Math.max(old.lastMicros(), r.slotMicros()), nodes, services));
    }
    List<TemplateStat> merged = new ArrayList<>(byId.values());
    merged.sort(Comparator.comparingLong(TemplateStat::count).reversed().thenComparingLong(TemplateStat::templateId));
    return merged;
  }

  /** Counted records per template id. */
  public static Map<Long, Long> perTemplate(List<CountedRow> rows) {
    Map<Long, Long> out = new HashMap<>();
    rows.forEach(r -> out.merge(r.templateId(), r.count(), Long::sum));
    return out;
  }
}
