package io.bundlescope.http;

import io.bundlescope.protocol.api.ApiError;
import io.bundlescope.store.BundleRepository;
import io.bundlescope.store.BundleRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.Uri;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Sends each bundle request to the node that hosts the bundle. Search, aggregate, heatmap,
 * context, export, templates, processes, health and anomalies read the node-local index, so on any other node they are forwarded to the owner (its
 * {@code hosting_worker_vm_ip} is the {@code host:port} of its HTTP API) and the owner's answer
 * is relayed as it is, {@code X-Served-By} included. Responses about the bundles of one node
 * carry {@code X-Bundle-Owner: host:port}, from which HAProxy learns where to route the next
 * request for the bundle (see {@code haproxy/}). A forwarded request is never forwarded again.
 * The live stream ({@code /logs/stream}, {@link StreamRoutes}) is never forwarded: any node
 * serves it from the bundle's pub-sub topic, so it is mounted outside this wrapper.
 */
public final class OwnerRouting extends AllDirectives {
  /** Set on a forwarded request: the receiver answers it from its own index. */
  public static final String FORWARDED_BY = "X-Bundlescope-Forwarded-By";
  /** The node hosting the bundle(s) a response is about. */
  public static final String OWNER = "X-Bundle-Owner";
  /** Set on a relayed answer: the node that forwarded the request to the owner. */
  public static final String RELAYED_BY = "X-Relayed-By";
  /** The bundle a request is about, when not in the query (for load balancers and clients). */
  public static final String BUNDLE_ID = "X-Log-Bundle-Id";

  /** Requests answered from the bundle's node-local index. */
  private static final Set<String> FROM_INDEX =
      Set.of("/logs/search", "/logs/aggregate", "/logs/heatmap", "/logs/context", "/logs/export", "/logs/templates",
          "/logs/processes", "/logs/health", "/logs/anomalies");
  /** Requests that act on the bundle's node-local index. */
  private static final Set<String> POSTS_TO_INDEX = Set.of("/logs/issues/check", "/rules/draft");

  private final ActorSystem<?> system;
  private final String self;
  private final BundleRepository bundles;
  private final Executor blocking;

  /** @param self this node's {@code host:port}, as recorded in hosting_worker_vm_ip */
  public OwnerRouting(ActorSystem<?> system, String self, BundleRepository bundles, Executor blocking) {
    this.system = system;
    this.self = self;
    this.bundles = bundles;
    this.blocking = blocking;
  }

  public Route wrap(Route inner) {
    return extractRequest(request -> {
      String path = request.getUri().path();
      boolean get = request.method().equals(HttpMethods.GET);
      boolean fromIndex = get ? FROM_INDEX.contains(path)
          : request.method().equals(HttpMethods.POST) && POSTS_TO_INDEX.contains(path);
      boolean aboutBundle = fromIndex || (get && path.equals("/logs/job_status"));
      List<String> ids = aboutBundle ? bundleIds(request) : List.of();
      if (ids.isEmpty()) return inner;
      CompletionStage<Set<String>> owners = CompletableFuture.supplyAsync(() -> ownersOf(ids), blocking)
          .exceptionally(e -> Set.of());
      return onSuccess(owners, found -> {
        if (found.size() > 1 && fromIndex) {
          return complete(HttpResponses.json(400, new ApiError("the bundles " + ids + " are hosted on different nodes "
              + found + ": query them one node at a time", "log_bundle_id")));
        }
        if (found.size() != 1) return inner;
        String owner = found.iterator().next();
        boolean forwarded = request.getHeader(FORWARDED_BY).isPresent();
        if (fromIndex && !owner.equals(self) && !forwarded) return forward(request, owner);
        return respondWithHeader(RawHeader.create(OWNER, owner), () -> inner);
      });
    });
  }

  /** {@code log_bundle_id} of the query (repeated or comma-separated), else the header. */
  private static List<String> bundleIds(HttpRequest request) {
    List<String> ids = new ArrayList<>();
    request.getUri().query().getAll("log_bundle_id").forEach(v -> split(v, ids));
    if (ids.isEmpty()) request.getHeader(BUNDLE_ID).ifPresent(h -> split(h.value(), ids));
    return ids;
  }

  private static void split(String value, List<String> into) {
    for (String id : value.split(",")) {
      if (!id.isBlank()) into.add(id.trim());
    }
  }

  /** The nodes hosting these bundles (bundles unknown or not started yet have none). */
  private Set<String> ownersOf(List<String> ids) {
    Set<String> owners = new TreeSet<>();
    for (String id : ids) {
      bundles.findById(id).map(BundleRow::hostingWorkerVmIp).filter(h -> !h.isBlank()).ifPresent(owners::add);
    }
    return owners;
  }

  private Route forward(HttpRequest request, String owner) {
    int colon = owner.lastIndexOf(':');
    Uri target = request.getUri().scheme("http").host(owner.substring(0, colon))
        .port(Integer.parseInt(owner.substring(colon + 1)));
    HttpRequest out = request.withUri(target)
        .removeHeader("Timeout-Access")
        .removeHeader("Host")
        .addHeader(RawHeader.create(FORWARDED_BY, self));
    CompletionStage<HttpResponse> answer = Http.get(system).singleRequest(out)
        .thenApply(response -> response.addHeader(RawHeader.create(RELAYED_BY, self)))
        .exceptionally(e -> HttpResponses.json(503, new ApiError("bundle hosted on " + owner
            + ", which does not answer (" + e.getMessage() + "); retry once its bundles have moved", "log_bundle_id")));
    return completeWithFuture(answer);
  }
}
