package io.bundlescope.http;

import io.bundlescope.analyzers.health.HealthScorer;
import io.bundlescope.analyzers.health.HealthSignals;
import io.bundlescope.analyzers.health.HealthWeights;
import io.bundlescope.analyzers.health.IssueSignal;
import io.bundlescope.analyzers.health.NodeHealth;
import io.bundlescope.analyzers.health.Reason;
import io.bundlescope.analyzers.health.ServiceHealth;
import io.bundlescope.analyzers.processes.ProcessRun;
import io.bundlescope.analyzers.processes.ProcessRunFinder;
import io.bundlescope.analyzers.processes.ProcessRuns;
import io.bundlescope.analyzers.processes.RunSettings;
import io.bundlescope.analyzers.processes.ServiceRestarts;
import io.bundlescope.index.LogStore;
import io.bundlescope.protocol.api.Micros;
import io.bundlescope.protocol.api.ProcessesResponse;
import io.bundlescope.protocol.api.ServiceHealthResponse;
import io.bundlescope.store.BundleRepository;
import io.bundlescope.store.IssueRepository;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /logs/processes}: the process runs of a bundle's services per node (start, end, pid,
 * how each ended, restarts); {@code GET /logs/health}: a 0-100 score per service and per node x
 * service with its reasons. Both read the bundle's node-local index (forwarded to its node by
 * {@link OwnerRouting}); health also reads the bundle's last rule check.
 */
public final class ProcessHealthRoutes extends JsonRoutes {
  private final BundleRepository bundles;
  private final IssueRepository issues;
  private final LogStore logs;
  private final RunSettings runSettings;
  private final HealthWeights weights;
  private final Clock clock;
  private final AnomalyScores anomalies;

  public ProcessHealthRoutes(BundleRepository bundles, IssueRepository issues, LogStore logs, RunSettings runSettings,
      HealthWeights weights, Clock clock, Executor blocking) {
    this(bundles, issues, logs, runSettings, weights, clock, AnomalyScores.none(), blocking);
  }

  /** With the anomaly term fed from the stored scores. */
  public ProcessHealthRoutes(BundleRepository bundles, IssueRepository issues, LogStore logs, RunSettings runSettings,
      HealthWeights weights, Clock clock, AnomalyScores anomalies, Executor blocking) {
    super(blocking);
    this.anomalies = anomalies;
    this.bundles = bundles;
    this.issues = issues;
    this.logs = logs;
    this.runSettings = runSettings;
    this.weights = weights;
    this.clock = clock;
  }

  public Route routes() {
    return pathPrefix("logs", () -> concat(
        path("processes", () -> get(() -> withParams(p -> {
          String id = p.required("log_bundle_id");
          Set<String> nodes = p.list("cvm_ip");
          Set<String> services = p.list("service");
          return blockingRespond(() -> processes(knownBundle(id), nodes, services));
        }))),
        path("health", () -> get(() -> withParams(p -> {
          String id = p.required("log_bundle_id");
          return blockingRespond(() -> health(knownBundle(id)));
        })))));
  }

  private String knownBundle(String id) {
    if (id.contains(",")) throw ApiException.badParam("log_bundle_id", "give exactly one log_bundle_id");
    if (bundles.findById(id).isEmpty()) throw ApiException.notFound("log_bundle_id", "no bundle with log_bundle_id " + id);
    return id;
  }

  private ProcessesResponse processes(String id, Set<String> nodes, Set<String> services) {
    ProcessRuns found = new ProcessRunFinder(logs, runSettings).find(id, nodes, services);
    return new ProcessesResponse(id, found.runs().stream().map(ProcessHealthRoutes::run).toList(),
        found.restarts().stream().map(ProcessHealthRoutes::restarts).toList());
  }

  private ServiceHealthResponse health(String id) {
    ProcessRuns runs = new ProcessRunFinder(logs, runSettings).find(id, Set.of(), Set.of());
    List<IssueSignal> fired = issues.issues(id).stream()
        .map(i -> new IssueSignal(i.ruleId(), i.title(), i.severity(), i.evidence())).toList();
    List<ServiceHealth> scored = new HealthScorer(weights).score(new HealthSignals(logs, weights)
        .gather(id, runs, fired, anomalies.pairs(id, weights.anomalyThreshold())));
    return new ServiceHealthResponse(id, scored.stream().map(ProcessHealthRoutes::service).toList(), clock.instant());
  }

  private static ProcessesResponse.Run run(ProcessRun r) {
    return new ProcessesResponse.Run(r.cvmIp(), r.service(), r.pid(), Micros.toInstant(r.startMicros()),
        Micros.toInstant(r.endMicros()), r.records(), r.ended().spelling(), r.endRecordId(), r.firstRecordId());
  }

  private static ProcessesResponse.Restarts restarts(ServiceRestarts r) {
    return new ProcessesResponse.Restarts(r.cvmIp(), r.service(), r.runs(), r.restarts(), r.fatal());
  }

  private static ServiceHealthResponse.Service service(ServiceHealth s) {
    return new ServiceHealthResponse.Service(s.service(), s.score(), s.worstCvmIp(), s.spread(), reasons(s.reasons()),
        s.nodes().stream().map(ProcessHealthRoutes::node).toList());
  }

  private static ServiceHealthResponse.Node node(NodeHealth n) {
    return new ServiceHealthResponse.Node(n.cvmIp(), n.score(), reasons(n.reasons()));
  }

  private static List<ServiceHealthResponse.Reason> reasons(List<Reason> reasons) {
    return reasons.stream()
        .map(r -> new ServiceHealthResponse.Reason(r.kind(), r.detail(), r.penalty(), r.evidence())).toList();
  }
}
