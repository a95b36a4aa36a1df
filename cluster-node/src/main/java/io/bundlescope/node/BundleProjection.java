package io.bundlescope.node;

import io.bundlescope.store.BundleRepository;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors bundle entity events into the {@code log_bundles} table that the HTTP API reads.
 * Writes run in order on one thread, off the actors' dispatcher; the journal stays the source
 * of truth, so a lost write is repaired by the next one or by recovery.
 */
public final class BundleProjection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BundleProjection.class);
  private final BundleRepository repo;
  private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "bundle-projection");
    t.setDaemon(true);
    return t;
  });

  public BundleProjection(BundleRepository repo) {
    this.repo = repo;
  }

  void started(String id, Instant at, String hostIp) {
    run(id, () -> repo.markStarted(id, at, hostIp));
  }

  void planned(String id, String bundleType, long files, long bytes, List<String> warnings) {
    run(id, () -> {
      repo.recordPlan(id, bundleType, files, bytes);
      if (!warnings.isEmpty()) repo.addWarnings(id, warnings);
    });
  }

  /** The ingest policy the bundle was submitted with (the journal's, projected). */
  void policy(String id, String policyJson) {
    run(id, () -> repo.recordPolicy(id, policyJson));
  }

  void progressed(String id, long filesDone, long bytesDone, long records, long counted, long dropped,
      List<String> warnings) {
    run(id, () -> {
      repo.updateProgress(id, filesDone, bytesDone, records, counted, dropped);
      if (!warnings.isEmpty()) repo.addWarnings(id, warnings);
    });
  }

  void completed(String id, Instant at, long records, String summaryJson) {
    run(id, () -> repo.markCompleted(id, at, records, summaryJson));
  }

  void failed(String id, Instant at, String errorMsg) {
    run(id, () -> repo.markFailed(id, at, errorMsg));
  }

  private void run(String id, Runnable write) {
    writer.execute(() -> {
      try {
        write.run();
      } catch (RuntimeException e) {
        log.error("could not record the state of bundle {} in PostgreSQL", id, e);
      }
    });
  }

  @Override
  public void close() {
    writer.shutdown();
  }
}
