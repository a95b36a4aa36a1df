package io.bundlescope.http;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The cluster API. {@code GET /cluster/load}: the load of every node as this node sees it (what
 * new bundles are placed by), open to every caller. Behind the {@link AdminGuard}:
 * {@code GET /cluster/members?limit=100}, {@code GET /cluster/shards} and
 * {@code POST /cluster/members/{host:port}/drain|undrain|leave|down[?force=true]}. Any node
 * answers for any member: drain and undrain reach the named node through the cluster.
 */
public final class ClusterRoutes extends AllDirectives {
  private final ClusterAdmin admin;
  private final AdminGuard guard;

  public ClusterRoutes(ClusterAdmin admin, AdminGuard guard) {
    this.admin = admin;
    this.guard = guard;
  }

  public Route routes() {
    return pathPrefix("cluster", () -> concat(
        path("load", () -> get(() -> complete(HttpResponses.ok(admin.load())))),
        guard.admin(this::adminRoutes)));
  }

  private Route adminRoutes() {
    Route members = path("members", () -> get(() -> parameterMultiMap(query -> {
      int limit = (int) new Params(query).longIn("limit", 100, 0, 10_000);
      return completeWithFuture(HttpResponses.of(admin.members(limit)));
    })));
    Route shards = path("shards", () -> get(() -> completeWithFuture(HttpResponses.of(admin.shards()))));
    Route actions = path(PathMatchers.segment("members").slash(PathMatchers.segment()).slash(PathMatchers.segment()),
        (node, action) -> post(() -> parameterMap(query ->
            completeWithFuture(HttpResponses.of(act(node, action, query))))));
    return concat(members, shards, actions);
  }

  private CompletionStage<?> act(String node, String action, Map<String, String> query) {
    try {
      return switch (action.toLowerCase(Locale.ROOT)) {
        case "drain" -> admin.drain(node, true);
        case "undrain" -> admin.drain(node, false);
        case "leave" -> admin.leave(node);
        case "down" -> admin.down(node, force(query.get("force")));
        default -> throw new ApiException(404, "action",
            "unknown action '" + action + "': drain, undrain, leave or down");
      };
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static boolean force(String value) {
    if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) return false;
    if (value.equalsIgnoreCase("true")) return true;
    throw ApiException.badParam("force", "force must be true or false, not '" + value + "'");
  }
}
