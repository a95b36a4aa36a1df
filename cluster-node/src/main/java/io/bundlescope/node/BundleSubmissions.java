package io.bundlescope.node;

import io.bundlescope.http.BundleGateway;
import io.bundlescope.protocol.BundleCommand;
import io.bundlescope.protocol.IngestPolicy;
import io.bundlescope.protocol.api.AnalyzeResponse;
import io.bundlescope.store.BundleRepository;
import io.bundlescope.store.BundleRow;
import io.bundlescope.store.NewBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * Accepts bundles: checks the path, gives each bundle path one id (a new one only when asked to
 * reanalyze), records it in PostgreSQL and hands it to its sharded {@link BundleEntity}.
 */
public final class BundleSubmissions implements BundleGateway {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final AllowedRoots roots;
  private final BundleRepository repo;
  private final ClusterSharding sharding;
  private final Executor blocking;
  private final String hostIp;
  private final Duration askTimeout;
  private final IngestPolicy defaultPolicy;

  /** With {@code defaultPolicy} for bundles whose submission names no policy (the inbox's too). */
  public BundleSubmissions(AllowedRoots roots, BundleRepository repo, ClusterSharding sharding,
      Executor blocking, String hostIp, Duration askTimeout, IngestPolicy defaultPolicy) {
    this.defaultPolicy = defaultPolicy;
    this.roots = roots;
    this.repo = repo;
    this.sharding = sharding;
    this.blocking = blocking;
    this.hostIp = hostIp;
    this.askTimeout = askTimeout;
  }

  @Override
  public CompletionStage<AnalyzeResponse> analyze(String bundlePath, boolean reanalyze, IngestPolicy.Request request) {
    IngestPolicy policy = defaultPolicy.with(request);
    return CompletableFuture.supplyAsync(() -> register(roots.resolve(bundlePath), reanalyze, policy), blocking)
        .thenCompose(this::start);
  }

  /**
   * Submits a bundle under an id chosen beforehand (the inbox reserves it with its claim), or
   * just restarts it when a row with that id exists already.
   */
  CompletionStage<AnalyzeResponse> analyzeAs(String bundlePath, String id) {
    return CompletableFuture.supplyAsync(() -> repo.findById(id)
            .orElseGet(() -> insert(id, roots.resolve(bundlePath), defaultPolicy)), blocking)
        .thenCompose(this::start);
  }

  @Override
  public CompletionStage<AnalyzeResponse> reindex(String bundleId) {
    return sharding.entityRefFor(BundleEntity.ENTITY_KEY, bundleId)
        .<BundleCommand.Accepted>ask(reply -> new BundleCommand.ReindexBundle(null, reply), askTimeout)
        .thenApply(accepted -> new AnalyzeResponse(accepted.status(), accepted.bundleId(), null));
  }

  private CompletionStage<AnalyzeResponse> start(BundleRow row) {
    return sharding.entityRefFor(BundleEntity.ENTITY_KEY, row.logBundleId())
        .<BundleCommand.Accepted>ask(reply -> new BundleCommand.AnalyzeBundle(row.logBundlePath(),
            policyOf(row), reply), askTimeout)
        .thenApply(accepted -> new AnalyzeResponse("inprogress", accepted.bundleId(), null));
  }

  /** One row per bundle path unless reanalyzing; serialized so two racing posts share an id. */
  private synchronized BundleRow register(Path bundle, boolean reanalyze, IngestPolicy policy) {
    Optional<BundleRow> existing = reanalyze ? Optional.empty() : repo.findLatestByPath(bundle.toString());
    return existing.orElseGet(() -> insert(newId(), bundle, policy));
  }

  private BundleRow insert(String id, Path bundle, IngestPolicy policy) {
    String path = bundle.toString();
    return repo.insert(new NewBundle(id, path, sizeOf(bundle), null, hostIp, path, Instant.now(), policy.json()));
  }

  /** The policy the row was submitted with; a row from before policies indexes everything. */
  private static IngestPolicy policyOf(BundleRow row) {
    IngestPolicy stored = IngestPolicies.fromJson(row.ingestPolicyJson());
    return stored != null ? stored : IngestPolicy.INDEX_ALL;
  }

  private static long sizeOf(Path bundle) {
    try (var walk = Files.walk(bundle)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (Exception e) {
      return -1;
    }
  }

  static String newId() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return "b" + HexFormat.of().formatHex(bytes);
  }
}
