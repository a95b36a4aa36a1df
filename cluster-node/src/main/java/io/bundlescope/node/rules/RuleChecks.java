package io.bundlescope.node.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bundlescope.analyzers.rules.Rule;
import io.bundlescope.analyzers.rules.RuleChecker;
import io.bundlescope.analyzers.rules.RuleHit;
import io.bundlescope.analyzers.rules.RuleReport;
import io.bundlescope.analyzers.rules.SkippedRule;
import io.bundlescope.http.BundleChecks;
import io.bundlescope.http.StoredRules;
import io.bundlescope.index.LogStore;
import io.bundlescope.node.IngestListener;
import io.bundlescope.protocol.LiveEvent;
import io.bundlescope.protocol.api.Micros;
import io.bundlescope.store.BundleRepository;
import io.bundlescope.store.IssueRepository;
import io.bundlescope.store.IssueRow;
import io.bundlescope.store.JobStatus;
import io.bundlescope.store.RuleCheckRow;
import io.bundlescope.store.RuleRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the enabled rules on the bundles this node hosts and stores what fired: while a bundle
 * is ingested (over what is searchable so far, at most once per {@code interval}), once more
 * when it is complete (a final check), and on demand. Checks of one bundle never overlap, so a
 * late interim check cannot overwrite the final one; an interim check asked for while another
 * runs is dropped, a final or on-demand one waits its turn. After each check the hits it found
 * that the previous check of the bundle did not (a new rule, or a new node) go to the
 * {@link HitListener} (the live stream's {@code rule_hit} frames); after a final check it is
 * told even when nothing is new or the check failed, since the stream's end waits for it.
 */
public final class RuleChecks implements BundleChecks, IngestListener {
  private static final Logger log = LoggerFactory.getLogger(RuleChecks.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LogStore logs;
  private final RuleRepository rules;
  private final IssueRepository issues;
  private final BundleRepository bundles;
  private final Executor blocking;
  private final Duration interval;
  private final Clock clock;
  private final HitListener hitListener;
  private final Map<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastInterim = new ConcurrentHashMap<>();

  /** Told what each check of a bundle newly found; called on a blocking thread, must not block. */
  public interface HitListener {
    HitListener NONE = (bundleId, isFinal, newHits) -> {};

    /** {@code newHits}: the check's hits whose (rule, node) the previous check did not have. */
    void checked(String bundleId, boolean isFinal, List<LiveEvent.Hit> newHits);
  }

  public RuleChecks(LogStore logs, RuleRepository rules, IssueRepository issues, BundleRepository bundles,
      Executor blocking, Duration interval, Clock clock) {
    this(logs, rules, issues, bundles, blocking, interval, clock, HitListener.NONE);
  }

  public RuleChecks(LogStore logs, RuleRepository rules, IssueRepository issues, BundleRepository bundles,
      Executor blocking, Duration interval, Clock clock, HitListener hitListener) {
    this.hitListener = hitListener;
    this.logs = logs;
    this.rules = rules;
    this.issues = issues;
    this.bundles = bundles;
    this.blocking = blocking;
    this.interval = interval;
    this.clock = clock;
  }

  @Override
  public void chunksJournaled(String bundleId) {
    Instant now = clock.instant();
    Instant last = lastInterim.get(bundleId);
    if (last != null && now.isBefore(last.plus(interval))) return;
    lastInterim.put(bundleId, now);
    check(bundleId, false, true);
  }

  @Override
  public void analyzed(String bundleId) {
    lastInterim.remove(bundleId);
    check(bundleId, true, false);
  }

  /** Final when the bundle is complete, else over what is ingested so far. */
  @Override
  public CompletableFuture<Void> checkNow(String bundleId) {
    return CompletableFuture.supplyAsync(() -> bundles.findById(bundleId), blocking)
        .thenCompose(row -> check(bundleId, row.map(r -> r.status() == JobStatus.COMPLETED).orElse(false), false));
  }

  /** Final checks for the analyzed bundles of this node that never had one (a crash in between). */
  public void catchUp(String host) {
    CompletableFuture.supplyAsync(() -> issues.analyzedWithoutFinalCheck(host), blocking)
        .thenAccept(ids -> ids.forEach(id -> check(id, true, false)))
        .exceptionally(e -> {
          log.warn("cannot list bundles awaiting a final rule check: {}", e.toString());
          return null;
        });
  }

  private synchronized CompletableFuture<Void> check(String bundleId, boolean isFinal, boolean droppable) {
    CompletableFuture<Void> previous = running.get(bundleId);
    if (previous != null && droppable) return previous;
    CompletableFuture<Void> after = previous == null ? CompletableFuture.completedFuture(null)
        : previous.exceptionally(e -> null);
    CompletableFuture<Void> next = after.thenRunAsync(() -> run(bundleId, isFinal), blocking);
    running.put(bundleId, next);
    next.whenComplete((ok, failure) -> {
      if (failure != null) {
        log.warn("rule check of {} failed: {}", bundleId, failure.toString());
        if (isFinal) hitListener.checked(bundleId, true, List.of());
      }
      running.remove(bundleId, next);
    });
    return next;
  }

  private void run(String bundleId, boolean isFinal) {
    Instant at = clock.instant();
    List<Rule> enabled = rules.listEnabled().stream().map(StoredRules::parse).flatMap(Optional::stream).toList();
    RuleReport report = new RuleChecker(logs).check(bundleId, enabled);
    List<IssueRow> rows = report.hits().stream().map(h -> row(bundleId, h)).toList();
    Set<String> before = issues.issues(bundleId).stream().map(r -> key(r.ruleId(), r.node()))
        .collect(Collectors.toSet());
    issues.replace(new RuleCheckRow(bundleId, at, report.rulesChecked(), skippedJson(report.skipped()), isFinal), rows);
    hitListener.checked(bundleId, isFinal, report.hits().stream()
        .filter(h -> !before.contains(key(h.ruleId(), h.node())))
        .map(h -> new LiveEvent.Hit(h.ruleId(), h.ruleVersion(), h.title(), h.severity().spelling(), h.node(),
            h.firstMicros(), h.lastMicros(), h.count(), h.evidence()))
        .toList());
    log.debug("checked {} rules on {} ({}): {} issues", enabled.size(), bundleId, isFinal ? "final" : "interim", rows.size());
  }

  private static String key(String ruleId, String node) {
    return ruleId + "\u0000" + (node == null ? "" : node);
  }

  private static IssueRow row(String bundleId, RuleHit h) {
    return new IssueRow(bundleId, h.ruleId(), h.ruleVersion(), h.title(), h.severity().spelling(), h.node(),
        Micros.toInstant(h.firstMicros()), Micros.toInstant(h.lastMicros()), h.count(), h.peak(), h.truncated(),
        h.evidence());
  }

  private static String skippedJson(List<SkippedRule> skipped) {
    try {
      return JSON.writeValueAsString(skipped.stream()
          .map(s -> Map.of("rule_id", s.ruleId(), "title", String.valueOf(s.title()), "reason", s.reason())).toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
