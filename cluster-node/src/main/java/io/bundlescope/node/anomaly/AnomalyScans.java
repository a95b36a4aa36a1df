package io.bundlescope.node.anomaly;

import io.bundlescope.analyzers.anomaly.AnomalyReason;
import io.bundlescope.analyzers.anomaly.AnomalySettings;
import io.bundlescope.analyzers.anomaly.BundleAnomalies;
import io.bundlescope.analyzers.anomaly.ScoredPair;
import io.bundlescope.analyzers.templates.TemplateLibrary;
import io.bundlescope.index.LogStore;
import io.bundlescope.node.IngestListener;
import io.bundlescope.store.AnomalyRepository;
import io.bundlescope.store.AnomalyRow;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores a bundle's (template, node) pairs once it is complete (and, at start-up, every analyzed
 * bundle of this node that it has not scored) and stores them, replacing the previous scores.
 * Scans of one bundle run one after another on the blocking executor; nothing is scored while a
 * bundle is ingested (rarity and bursts need the whole bundle).
 */
public final class AnomalyScans implements IngestListener {
  private static final Logger log = LoggerFactory.getLogger(AnomalyScans.class);
  private final LogStore logs;
  private final TemplateLibrary templates;
  private final AnomalyRepository repository;
  private final AnomalySettings settings;
  private final String self;
  private final Executor blocking;
  private final Clock clock;
  private final Map<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

  public AnomalyScans(LogStore logs, TemplateLibrary templates, AnomalyRepository repository, AnomalySettings settings,
      String self, Executor blocking, Clock clock) {
    this.logs = logs;
    this.templates = templates;
    this.repository = repository;
    this.settings = settings;
    this.self = self;
    this.blocking = blocking;
    this.clock = clock;
  }

  @Override
  public void chunksJournaled(String bundleId) {}

  @Override
  public void analyzed(String bundleId) {
    scan(bundleId);
  }

  /** Scans the analyzed bundles of this node it has not scored (a crash in between, a failover). */
  public void catchUp() {
    CompletableFuture.supplyAsync(() -> repository.analyzedWithoutScan(self), blocking)
        .thenAccept(ids -> ids.forEach(this::scan))
        .exceptionally(e -> {
          log.warn("cannot list bundles awaiting an anomaly scan: {}", e.toString());
          return null;
        });
  }

  /** Scores the bundle now (after any scan of it still running). */
  public synchronized CompletableFuture<Void> scan(String bundleId) {
    CompletableFuture<Void> previous = running.getOrDefault(bundleId, CompletableFuture.completedFuture(null));
    CompletableFuture<Void> next = previous.exceptionally(e -> null).thenRunAsync(() -> run(bundleId), blocking);
    running.put(bundleId, next);
    next.whenComplete((ok, failure) -> {
      if (failure != null) log.warn("anomaly scan of {} failed: {}", bundleId, failure.toString());
      running.remove(bundleId, next);
    });
    return next;
  }

  private void run(String bundleId) {
    List<ScoredPair> scored = new BundleAnomalies(logs, settings)
        .scan(bundleId, id -> templates.firstBundle(id).map(bundleId::equals).orElse(false));
    repository.replace(bundleId, self, clock.instant(), scored.stream().map(p -> row(bundleId, p)).toList());
    log.debug("scored {} (template, node) pairs of {}", scored.size(), bundleId);
  }

  private static AnomalyRow row(String bundleId, ScoredPair p) {
    return new AnomalyRow(bundleId, p.templateId(), p.cvmIp(), p.score(), p.count(), p.errors(),
        p.reasons().stream().map(AnomalyScans::reason).toList());
  }

  private static AnomalyRow.Reason reason(AnomalyReason r) {
    return new AnomalyRow.Reason(r.kind(), r.detail(), r.contribution());
  }
}
