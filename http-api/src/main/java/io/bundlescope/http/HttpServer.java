package io.bundlescope.http;

import io.bundlescope.protocol.api.ApiError;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Binds the node's routes and unbinds gracefully: new connections stop at
 * {@code service-unbind}, in-flight requests finish by {@code service-requests-done}, so a load
 * balancer drains the node cleanly.
 */
public final class HttpServer extends AllDirectives {

  /** The node that answered (a relayed answer keeps the owner's). */
  public static final String SERVED_BY = "X-Served-By";

  private HttpServer() {}

  public static CompletionStage<ServerBinding> start(ActorSystem<?> system, String host, int port, Route routes) {
    return start(system, host, port, host + ":" + port, routes);
  }

  /** As above; every response, errors included, carries {@code X-Served-By: nodeName}. */
  public static CompletionStage<ServerBinding> start(ActorSystem<?> system, String host, int port, String nodeName,
      Route routes) {
    HttpServer server = new HttpServer();
    Route all = server.respondWithDefaultHeader(RawHeader.create(SERVED_BY, nodeName), () -> server.withJsonErrors(routes));
    return Http.get(system).newServerAt(host, port).bind(all).thenApply(binding -> {
      CoordinatedShutdown shutdown = CoordinatedShutdown.get(system);
      shutdown.addTask(CoordinatedShutdown.PhaseServiceUnbind(), "http-unbind",
          () -> binding.unbind().thenApply(x -> Done.getInstance()));
      shutdown.addTask(CoordinatedShutdown.PhaseServiceRequestsDone(), "http-drain",
          () -> binding.terminate(Duration.ofSeconds(10)).thenApply(x -> Done.getInstance()));
      system.log().info("HTTP API listening on http://{}:{}/", host, binding.localAddress().getPort());
      return binding;
    });
  }

  /** Every failure and rejection answers a JSON {@link ApiError}. */
  private Route withJsonErrors(Route routes) {
    ExceptionHandler exceptions = ExceptionHandler.newBuilder()
        .match(Throwable.class, t -> complete(HttpResponses.error(t)))
        .build();
    RejectionHandler rejections = RejectionHandler.defaultHandler()
        .mapRejectionResponse(HttpServer::asJson);
    return handleExceptions(exceptions, () -> handleRejections(rejections, () -> routes));
  }

  private static HttpResponse asJson(HttpResponse response) {
    if (response.entity().getContentType().mediaType().toString().equals("application/json")) return response;
    String text = response.entity() instanceof org.apache.pekko.http.javadsl.model.HttpEntity.Strict strict
        ? strict.getData().utf8String() : response.status().reason();
    return HttpResponses.json(response.status().intValue(), ApiError.of(text));
  }
}
