package io.bundlescope.index;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;

/**
 * The node-local log index. One implementation is Lucene ({@code LuceneLogStore}); a Manticore
 * backend can implement the same contract. Each bundle has its own index partition so a bundle
 * can be rebuilt or dropped alone.
 */
public interface LogStore extends Closeable {

  /** Opens (or creates) the writable partition of a bundle; one writer per bundle per node. */
  BundleIndexWriter writer(String bundleId);

  /** Removes a bundle's partition entirely. */
  void deleteBundle(String bundleId);

  /** True when this node holds a partition for the bundle. */
  boolean hasBundle(String bundleId);

  /**
   * Time-sorted page of records matching the query across the bundles it names. Bundles this
   * node does not hold count as empty.
   *
   * @throws IllegalArgumentException for an invalid bundle id, text query or cursor
   */
  SearchPage search(LogQuery query);

  /**
   * The matching records' ids, times, nodes and services in time order (oldest first), at most
   * {@code max} of them, read without loading messages.
   *
   * @throws IllegalArgumentException for an invalid bundle id or text query
   */
  List<RecordRef> refs(LogQuery query, int max);

  /**
   * The message templates of the matching records (records without one are left out): count,
   * first and last time, nodes and services of each, largest count first.
   *
   * @throws IllegalArgumentException for an invalid bundle id or text query
   */
  List<TemplateStat> templates(LogQuery query);

  /**
   * Per (message template, node) of the matching records (records without a template are left
   * out): count, counts per level, and counts per time slot of {@code slotMicros} from {@code
   * originMicros}, {@code slots} of them (times outside count in the nearest end slot); largest
   * count first. One pass: the input of anomaly scoring.
   *
   * @throws IllegalArgumentException for an invalid bundle id or text query, a width or slot
   *     count below 1
   */
  List<TemplateNodeCounts> templateNodes(LogQuery query, long originMicros, long slotMicros, int slots);

  /**
   * Exact counts of matching records grouped by a field, largest first, then by key. Records
   * without a value for the field (no pid, no IP) are in no bucket.
   *
   * @throws IllegalArgumentException for an invalid bundle id or text query
   */
  List<Bucket> aggregate(LogQuery query, GroupField field);

  /**
   * The counted (not indexed) records of the query's bundles that its filters select, as the
   * aggregate rows they were counted in. Counted records have a template, node, service, level
   * and time slot (their time is the slot's start) and nothing else: a query filtering on text,
   * regex, message IPs, files, pids or (template, node) pairs selects none of them.
   *
   * @throws IllegalArgumentException for an invalid bundle id
   */
  List<CountedRow> counted(LogQuery query);

  /**
   * Exact number of matching records.
   *
   * @throws IllegalArgumentException for an invalid bundle id or text query
   */
  long count(LogQuery query);

  /**
   * Matching records counted per time slot of {@code intervalMicros} (null: the round width that
   * gives at most {@link Intervals#AUTO_MAX_SLOTS} slots), optionally split by a keyword field.
   * The span is the query's time range, or where its first and last matches are.
   *
   * @throws InvalidQueryException (param {@code interval}) for more than {@link
   *     Intervals#MAX_SLOTS} slots; (param {@code split_by}) for a split by pid
   */
  Histogram histogram(LogQuery query, Long intervalMicros, GroupField split);

  /**
   * A record with up to {@code before} and {@code after} records of the same file around it,
   * by line number; empty when the bundle does not hold the record.
   */
  Optional<RecordContext> context(String bundleId, String recordId, int before, int after);

  /**
   * Where a full-text query ({@link LogQuery#text()}) matches in a message: the words it looks
   * for (not those under NOT), in order, non-overlapping.
   *
   * @throws IllegalArgumentException for an invalid text query
   */
  List<TextSpan> highlights(String text, String message);
}
