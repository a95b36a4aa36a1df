package io.bundlescope.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /health}: 200 {@code ready} when this node is a cluster member that is Up and the
 * database answers; 404 {@code draining} when it is also draining (asked to by
 * {@code POST /cluster/members/{node}/drain}, or shutting down); else 503 {@code unavailable}.
 * The body says which check failed. HAProxy's L7 check reads it: with
 * {@code http-check disable-on-404} a 404 puts the server in NOLB (soft-stop) state, so it gets
 * no balanced traffic but still its own bundles' requests ({@code use-server}); a 503 takes it
 * out altogether.
 */
public final class HealthRoutes extends AllDirectives {
  private final BooleanSupplier clusterUp;
  private final BooleanSupplier databaseReachable;
  private final BooleanSupplier draining;
  private final String nodeName;
  private final Executor blocking;

  public HealthRoutes(String nodeName, BooleanSupplier clusterUp, BooleanSupplier databaseReachable,
      BooleanSupplier draining, Executor blocking) {
    this.nodeName = nodeName;
    this.draining = draining;
    this.clusterUp = clusterUp;
    this.databaseReachable = databaseReachable;
    this.blocking = blocking;
  }

  public Route routes() {
    return path("health", () -> get(() -> completeWithFuture(CompletableFuture.supplyAsync(() -> {
      boolean cluster = clusterUp.getAsBoolean();
      boolean db = databaseReachable.getAsBoolean();
      boolean drain = draining.getAsBoolean();
      boolean ready = cluster && db;
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", !ready ? "unavailable" : drain ? "draining" : "ready");
      body.put("node", nodeName);
      body.put("cluster_up", cluster);
      body.put("database_reachable", db);
      body.put("draining", drain);
      return HttpResponses.json(!ready ? 503 : drain ? 404 : 200, body);
    }, blocking))));
  }
}
