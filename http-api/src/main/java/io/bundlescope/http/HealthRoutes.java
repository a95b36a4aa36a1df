package io.bundlescope.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /health}: 200 when this node is a cluster member that is Up and the database
 * answers, else 503; the body says which check failed. HAProxy's L7 check reads it.
 */
public final class HealthRoutes extends AllDirectives {
  private final BooleanSupplier clusterUp;
  private final BooleanSupplier databaseReachable;
  private final String nodeName;
  private final Executor blocking;

  public HealthRoutes(String nodeName, BooleanSupplier clusterUp, BooleanSupplier databaseReachable, Executor blocking) {
    this.nodeName = nodeName;
    this.clusterUp = clusterUp;
    this.databaseReachable = databaseReachable;
    this.blocking = blocking;
  }

  public Route routes() {
    return path("health", () -> get(() -> completeWithFuture(CompletableFuture.supplyAsync(() -> {
      boolean cluster = clusterUp.getAsBoolean();
      boolean db = databaseReachable.getAsBoolean();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", cluster && db ? "ready" : "unavailable");
      body.put("node", nodeName);
      body.put("cluster_up", cluster);
      body.put("database_reachable", db);
      return HttpResponses.json(cluster && db ? 200 : 503, body);
    }, blocking))));
  }
}
