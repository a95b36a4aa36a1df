package io.bundlescope.http;

import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /cluster/load}: the load of every node as this node sees it (the reports the
 * placement of new bundles is based on), for operators and tests.
 */
public final class ClusterRoutes extends AllDirectives {
  private final Supplier<?> load;

  public ClusterRoutes(Supplier<?> load) {
    this.load = load;
  }

  public Route routes() {
    return pathPrefix("cluster", () -> path("load", () -> get(() -> complete(HttpResponses.ok(load.get())))));
  }
}
