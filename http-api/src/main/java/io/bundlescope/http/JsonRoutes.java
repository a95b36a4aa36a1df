package io.bundlescope.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/** What every JSON routes class does: typed parameters, answers and errors as JSON, blocking work off the HTTP threads. */
abstract class JsonRoutes extends AllDirectives {
  protected final Executor blocking;

  protected JsonRoutes(Executor blocking) {
    this.blocking = blocking;
  }

  protected Route withParams(Function<Params, Route> inner) {
    return parameterMultiMap(map -> inner.apply(new Params(map)));
  }

  /** Completes with the value as JSON, or the failure as a JSON error. */
  protected Route respond(Supplier<CompletionStage<?>> work) {
    CompletionStage<?> result;
    try {
      result = work.get();
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    return completeWithFuture(HttpResponses.of(result));
  }

  /** {@link #respond} for work that blocks (Lucene, JDBC): it runs on {@code blocking}. */
  protected Route blockingRespond(Supplier<?> work) {
    return respond(() -> CompletableFuture.supplyAsync(work, blocking));
  }
}
