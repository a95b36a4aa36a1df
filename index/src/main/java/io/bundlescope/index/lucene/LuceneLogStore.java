package io.bundlescope.index.lucene;

import io.bundlescope.index.Bucket;
import io.bundlescope.index.CountedRecords;
import io.bundlescope.index.CountedRow;
import io.bundlescope.index.BundleIndexWriter;
import io.bundlescope.index.GroupField;
import io.bundlescope.index.Histogram;
import io.bundlescope.index.Intervals;
import io.bundlescope.index.InvalidQueryException;
import io.bundlescope.index.LogQuery;
import io.bundlescope.index.LogStore;
import io.bundlescope.index.RecordContext;
import io.bundlescope.index.RecordRef;
import io.bundlescope.index.SearchPage;
import io.bundlescope.index.TemplateNodeCounts;
import io.bundlescope.index.TemplateStat;
import io.bundlescope.index.TextSpan;
import io.bundlescope.parsers.LogRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LogStore} on Lucene: one index directory per bundle, {@code <root>/<bundleId>/}.
 *
 * <p>A bundle being written has an IndexWriter and a near-real-time searcher, refreshed at most
 * once per refresh interval (and on commit), so searches see a bundle while it is ingested. A
 * bundle on disk without a writer is opened read-only on first search and cached. Unknown
 * bundles search as empty. Closing the store does not commit: uncommitted records are dropped,
 * exactly as after a crash.
 */
public final class LuceneLogStore implements LogStore {
  /** Default staleness bound of searches during ingestion. */
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(1);
  /** Largest page a search returns. */
  public static final int MAX_LIMIT = 10_000;
  /** Default time one query's regex may run in all. */
  public static final Duration DEFAULT_REGEX_BUDGET = Duration.ofSeconds(2);
  /** Most neighbours a context shows on each side. */
  public static final int MAX_CONTEXT = 1_000;

  private static final Logger log = LoggerFactory.getLogger(LuceneLogStore.class);
  private static final Pattern BUNDLE_ID = Pattern.compile("[a-z0-9-]{1,64}");

  private final Path root;
  private final Duration refreshInterval;
  private final Duration regexBudget;
  private final Map<String, BundlePartition> partitions = new ConcurrentHashMap<>();
  private final Map<String, BundleIndexWriter> writers = new ConcurrentHashMap<>();
  /** Counted partitions ({@code <root>/<bundleId>/counted/}), open for writing or searching. */
  private final Map<String, BundlePartition> countedPartitions = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** A store under {@code root} with the default refresh interval. */
  public LuceneLogStore(Path root) {
    this(root, DEFAULT_REFRESH_INTERVAL);
  }

  /**
   * A store under {@code root}; searches during ingestion may lag writes by up to
   * {@code refreshInterval} ({@link Duration#ZERO}: always current, for tests).
   */
  public LuceneLogStore(Path root, Duration refreshInterval) {
    this(root, refreshInterval, DEFAULT_REGEX_BUDGET);
  }

  /** As above; a query's regex runs for at most {@code regexBudget} in all. */
  public LuceneLogStore(Path root, Duration refreshInterval, Duration regexBudget) {
    if (refreshInterval.isNegative()) throw new IllegalArgumentException("negative refresh");
    if (regexBudget.isNegative() || regexBudget.isZero()) throw new IllegalArgumentException("regex budget must be positive");
    this.root = root;
    this.refreshInterval = refreshInterval;
    this.regexBudget = regexBudget;
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create index root " + root, e);
    }
  }

  @Override
  public synchronized BundleIndexWriter writer(String bundleId) {
    checkOpen();
    BundleIndexWriter existing = writers.get(validId(bundleId));
    if (existing != null) return existing;
    try {
      BundlePartition readOnly = partitions.remove(bundleId);
      if (readOnly != null) readOnly.close();
      BundlePartition countedReadOnly = countedPartitions.remove(bundleId);
      if (countedReadOnly != null) countedReadOnly.close();
      BundlePartition partition =
          BundlePartition.openWritable(bundleId, root.resolve(bundleId), refreshInterval);
      partitions.put(bundleId, partition);
      BundleIndexWriter writer = new Writer(partition, this);
      writers.put(bundleId, writer);
      log.debug("opened index writer for bundle {}", bundleId);
      return writer;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the index of bundle " + bundleId, e);
    }
  }

  @Override
  public synchronized void deleteBundle(String bundleId) {
    checkOpen();
    validId(bundleId);
    writers.remove(bundleId);
    try {
      BundlePartition counted = countedPartitions.remove(bundleId);
      if (counted != null) counted.close();
      BundlePartition partition = partitions.remove(bundleId);
      if (partition != null) partition.close();
      Path dir = root.resolve(bundleId);
      if (Files.exists(dir)) IOUtils.rm(dir);
      log.info("deleted index of bundle {}", bundleId);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the index of bundle " + bundleId, e);
    }
  }

  /** True when the bundle is open here (a writer, or searched) or a commit of it is on disk. */
  @Override
  public boolean hasBundle(String bundleId) {
    checkOpen();
    if (partitions.containsKey(validId(bundleId))) return true;
    Path dir = root.resolve(bundleId);
    if (!Files.isDirectory(dir)) return false;
    try (Directory directory = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws IllegalArgumentException for an invalid bundle id, a malformed text query or cursor
   */
  @Override
  public SearchPage search(LogQuery query) {
    Query lucene = QueryTranslator.translate(query, regexBudget);
    int limit = Math.max(1, Math.min(MAX_LIMIT, query.limit()));
    Cursors.Position after =
        query.cursor() == null ? null : Cursors.decode(query.cursor(), query.descending());
    try (Snapshot snapshot = snapshot(query)) {
      if (snapshot.isEmpty()) return new SearchPage(0, List.of(), null);
      IndexSearcher searcher = snapshot.searcher();
      SortedTopHits.Page page =
          SortedTopHits.top(searcher, lucene, after, limit, query.descending());
      long total = searcher.count(lucene);
      List<LogRecord> records = RecordReader.read(searcher.getIndexReader(), page.docs());
      String next = page.more() ? Cursors.encode(page.last(), query.descending()) : null;
      return new SearchPage(total, records, next);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<RecordRef> refs(LogQuery query, int max) {
    Query lucene = QueryTranslator.translate(query, regexBudget);
    List<RecordRef> refs = new ArrayList<>();
    try (Snapshot snapshot = snapshot(query)) {
      if (snapshot.isEmpty()) return refs;
      IndexSearcher searcher = snapshot.searcher();
      Cursors.Position after = null;
      while (refs.size() < max) {
        SortedTopHits.Page page = SortedTopHits.top(searcher, lucene, after, Math.min(MAX_LIMIT, max - refs.size()), false);
        refs.addAll(RecordRefReader.read(searcher.getIndexReader(), page.docs()));
        if (!page.more()) break;
        after = page.last();
      }
      return refs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<TemplateStat> templates(LogQuery query) {
    Query lucene = QueryTranslator.translate(query, regexBudget);
    try (Snapshot snapshot = snapshot(query)) {
      return snapshot.isEmpty() ? List.of() : snapshot.searcher().search(lucene, new TemplateStats());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<TemplateNodeCounts> templateNodes(LogQuery query, long originMicros, long slotMicros, int slots) {
    Query lucene = QueryTranslator.translate(query, regexBudget);
    try (Snapshot snapshot = snapshot(query)) {
      return snapshot.isEmpty() ? List.of()
          : snapshot.searcher().search(lucene, new TemplateNodeSeries(originMicros, slotMicros, slots));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<Bucket> aggregate(LogQuery query, GroupField field) {
    Query lucene = QueryTranslator.translate(query, regexBudget);
    try (Snapshot snapshot = snapshot(query)) {
      if (snapshot.isEmpty()) return List.of();
      return snapshot.searcher().search(lucene, counts(field));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<CountedRow> counted(LogQuery query) {
    if (query.bundleIds() == null || query.bundleIds().isEmpty()) {
      throw new IllegalArgumentException("a query needs at least one bundle id");
    }
    checkOpen();
    List<CountedRow> rows = new ArrayList<>();
    if (!CountedDocuments.applies(query)) return rows;
    Query lucene = QueryTranslator.translate(query, regexBudget);
    for (String id : new LinkedHashSet<>(query.bundleIds())) {
      try {
        BundlePartition partition = countedPartition(validId(id));
        if (partition == null) continue;
        IndexSearcher searcher = partition.acquire();
        try {
          CountedDocuments.Rows collector = new CountedDocuments.Rows();
          searcher.search(lucene, collector);
          rows.addAll(collector.rows);
        } finally {
          partition.release(searcher);
        }
      } catch (AlreadyClosedException e) {
        checkOpen(); // deleted or reopened for writing meanwhile: as if not there
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return rows;
  }

  /** The bundle's counted partition, open or on disk (opened read-only), or null. */
  private BundlePartition countedPartition(String bundleId) throws IOException {
    BundlePartition open = countedPartitions.get(bundleId);
    if (open != null) return open;
    Path dir = countedDir(bundleId);
    if (!Files.isDirectory(dir)) return null;
    synchronized (this) {
      checkOpen();
      open = countedPartitions.get(bundleId);
      if (open != null) return open;
      BundlePartition opened = BundlePartition.openReadOnly(bundleId, dir, refreshInterval);
      if (opened != null) countedPartitions.put(bundleId, opened);
      return opened;
    }
  }

  /**
   * The writable counted partition of a bundle being written, opened on first use ({@code
   * create}: else null when the bundle has none): bundles that count nothing have none.
   */
  private synchronized BundlePartition countedWritable(BundleIndexWriter requester, String bundleId, boolean create)
      throws IOException {
    checkOpen();
    if (writers.get(bundleId) != requester) throw new AlreadyClosedException("bundle " + bundleId + " was deleted");
    BundlePartition open = countedPartitions.get(bundleId);
    if (open != null && open.writable()) return open;
    Path dir = countedDir(bundleId);
    if (!create && !Files.isDirectory(dir)) return null;
    if (open != null) {
      countedPartitions.remove(bundleId);
      open.close();
    }
    BundlePartition partition = BundlePartition.openWritable(bundleId, dir, refreshInterval, false, 16);
    countedPartitions.put(bundleId, partition);
    return partition;
  }

  private Path countedDir(String bundleId) {
    return root.resolve(bundleId).resolve("counted");
  }

  @Override
  public long count(LogQuery query) {
    Query lucene = QueryTranslator.translate(query, regexBudget);
    try (Snapshot snapshot = snapshot(query)) {
      return snapshot.isEmpty() ? 0 : snapshot.searcher().count(lucene);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Histogram histogram(LogQuery query, Long intervalMicros, GroupField split) {
    String splitField = split == null ? null : keywordField(split);
    Query lucene = QueryTranslator.translate(query, regexBudget);
    try (Snapshot snapshot = snapshot(query)) {
      IndexSearcher searcher = snapshot.isEmpty() ? null : snapshot.searcher();
      Long from = query.startMicros();
      Long to = query.endMicros();
      if (searcher != null && (from == null || to == null)) {
        SortedTopHits.Page first = SortedTopHits.top(searcher, lucene, null, 1, false);
        if (first.last() != null) {
          if (from == null) from = first.last().time();
          if (to == null) to = SortedTopHits.top(searcher, lucene, null, 1, true).last().time() + 1;
        }
      }
      if (from == null || to == null) return new Histogram(intervalMicros == null ? 0 : intervalMicros, split, List.of(), List.of());
      long width = intervalMicros != null ? intervalMicros : Intervals.auto(from, to);
      long slots = Intervals.slots(from, to, width);
      if (slots > Intervals.MAX_SLOTS) {
        throw new InvalidQueryException("interval", "interval " + Intervals.format(width) + " gives " + slots
            + " slots over the time span; at most " + Intervals.MAX_SLOTS + ": use a wider interval");
      }
      long origin = Math.floorDiv(from, width) * width;
      TimeSlots.Counts counts;
      if (searcher == null) {
        counts = new TimeSlots.Counts(new long[(int) slots], Map.of());
      } else if (splitField == null && filtersOnTimeOnly(query)) {
        counts = new TimeSlots.Counts(SortedTimeCounts.count(searcher, lucene, query.startMicros(), query.endMicros(),
            origin, width, (int) slots), Map.of());
      } else {
        counts = searcher.search(lucene, new TimeSlots(origin, width, (int) slots, splitField));
      }
      return HistogramAssembly.of(width, split, origin, counts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<RecordContext> context(String bundleId, String recordId, int before, int after) {
    if (before < 0 || after < 0 || before > MAX_CONTEXT || after > MAX_CONTEXT) {
      throw new IllegalArgumentException("before and after must be between 0 and " + MAX_CONTEXT);
    }
    try (Snapshot snapshot = snapshot(LogQuery.all(List.of(bundleId)))) {
      if (snapshot.isEmpty() || recordId == null) return Optional.empty();
      return FileNeighbours.around(snapshot.searcher(), recordId, before, after);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<TextSpan> highlights(String text, String message) {
    return Highlights.of(text, message);
  }

  /** Closes every partition without committing. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) return;
    closed = true;
    writers.clear();
    List<BundlePartition> open = new ArrayList<>(countedPartitions.values());
    open.addAll(partitions.values());
    countedPartitions.clear();
    partitions.clear();
    IOUtils.close(open);
  }

  private static boolean filtersOnTimeOnly(LogQuery q) {
    return empty(q.services()) && empty(q.cvmIps()) && empty(q.levels()) && empty(q.filenames()) && empty(q.pids())
        && empty(q.messageIps()) && empty(q.templateIds()) && q.templateNodes() == null && (q.text() == null || q.text().isBlank()) && (q.regex() == null || q.regex().isEmpty());
  }

  private static boolean empty(Collection<?> values) {
    return values == null || values.isEmpty();
  }

  private static String keywordField(GroupField field) {
    return switch (field) {
      case SERVICE, FILENAME_WITHOUT_EXT -> RecordDocuments.SERVICE;
      case CVM_IP -> RecordDocuments.CVM_IP;
      case LOG_LEVEL -> RecordDocuments.LEVEL;
      case FILENAME -> RecordDocuments.FILENAME;
      case PID, TEMPLATE_ID -> throw new InvalidQueryException("split_by", "a histogram splits by service, cvm_ip, log_level or filename");
    };
  }

  private static FieldCounts counts(GroupField field) {
    return switch (field) {
      case SERVICE, FILENAME_WITHOUT_EXT -> FieldCounts.ofKeyword(RecordDocuments.SERVICE);
      case CVM_IP -> FieldCounts.ofKeyword(RecordDocuments.CVM_IP);
      case LOG_LEVEL -> FieldCounts.ofKeyword(RecordDocuments.LEVEL);
      case FILENAME -> FieldCounts.ofKeyword(RecordDocuments.FILENAME);
      case PID -> FieldCounts.ofNumber(RecordDocuments.PID);
      case TEMPLATE_ID -> FieldCounts.ofNumber(RecordDocuments.TEMPLATE);
    };
  }

  /** Searchers of the query's bundles that this node holds; unknown bundles are skipped. */
  private Snapshot snapshot(LogQuery query) throws IOException {
    checkOpen();
    if (query.bundleIds() == null || query.bundleIds().isEmpty()) {
      throw new IllegalArgumentException("a query needs at least one bundle id");
    }
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (String id : query.bundleIds()) ids.add(validId(id));
    Snapshot snapshot = new Snapshot();
    try {
      for (String id : ids) acquire(snapshot, id);
      return snapshot;
    } catch (IOException | RuntimeException e) {
      snapshot.close();
      throw e;
    }
  }

  /** Retries when the partition is swapped (read-only -> writable) or deleted meanwhile. */
  private void acquire(Snapshot snapshot, String bundleId) throws IOException {
    for (int attempt = 0; ; attempt++) {
      BundlePartition partition = partition(bundleId);
      if (partition == null) return;
      try {
        snapshot.add(partition, partition.acquire());
        return;
      } catch (AlreadyClosedException e) {
        checkOpen();
        if (attempt >= 2) throw new IllegalStateException("bundle " + bundleId + " is closing", e);
      }
    }
  }

  /** The open partition, or the committed index on disk opened read-only, or null. */
  private BundlePartition partition(String bundleId) throws IOException {
    BundlePartition open = partitions.get(bundleId);
    if (open != null) return open;
    Path dir = root.resolve(bundleId);
    if (!Files.isDirectory(dir)) return null;
    synchronized (this) {
      checkOpen();
      open = partitions.get(bundleId);
      if (open != null) return open;
      BundlePartition opened = BundlePartition.openReadOnly(bundleId, dir, refreshInterval);
      if (opened != null) partitions.put(bundleId, opened);
      return opened;
    }
  }

  private void checkOpen() {
    if (closed) throw new IllegalStateException("the log store is closed");
  }

  private static String validId(String bundleId) {
    if (bundleId == null || !BUNDLE_ID.matcher(bundleId).matches()) {
      throw new IllegalArgumentException("bundle id must match [a-z0-9-]{1,64}: " + bundleId);
    }
    return bundleId;
  }

  /** The writer handle of one bundle; fails once the bundle is deleted or the store closed. */
  private static final class Writer implements BundleIndexWriter {
    private final BundlePartition partition;
    private final LuceneLogStore store;

    Writer(BundlePartition partition, LuceneLogStore store) {
      this.partition = partition;
      this.store = store;
    }

    @Override
    public void addCounted(String chunkId, CountedRecords counted) {
      if (counted.isEmpty()) return;
      run(() -> {
        BundlePartition target = store.countedWritable(this, partition.bundleId(), true);
        for (CountedRow row : counted.rows()) target.add(CountedDocuments.toDocument(chunkId, row));
      });
    }

    /** The counted partition if this bundle has one, opened for writing. */
    private BundlePartition counted() throws IOException {
      return store.countedWritable(this, partition.bundleId(), false);
    }

    @Override
    public void add(LogRecord record) {
      if (!partition.bundleId().equals(record.logBundleId())) {
        throw new IllegalArgumentException("record " + record.id() + " belongs to bundle "
            + record.logBundleId() + ", not " + partition.bundleId());
      }
      run(() -> partition.add(RecordDocuments.toDocument(record)));
    }

    @Override
    public void deleteChunk(String chunkId) {
      run(() -> {
        BundlePartition counted = counted();
        if (counted != null) counted.deleteChunk(chunkId);
        partition.deleteChunk(chunkId);
      });
    }

    /** Commits the counts, then the records: both before the caller journals the chunks. */
    @Override
    public void commit() {
      run(() -> {
        BundlePartition counted = counted();
        if (counted != null) counted.commit();
        partition.commit();
      });
    }

    private void run(IoAction action) {
      try {
        action.run();
      } catch (AlreadyClosedException e) {
        throw new IllegalStateException(
            "the index of bundle " + partition.bundleId() + " is closed or deleted", e);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "index write failed for bundle " + partition.bundleId(), e);
      }
    }
  }

  private interface IoAction {
    void run() throws IOException;
  }
}
