package io.bundlescope.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.bundlescope.index.InvalidQueryException;
import io.bundlescope.protocol.api.ApiError;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns results and failures into JSON responses; no exception escapes as a bare 500. */
final class HttpResponses {
  private static final Logger log = LoggerFactory.getLogger(HttpResponses.class);

  private HttpResponses() {}

  static HttpResponse json(int status, Object body) {
    try {
      return HttpResponse.create()
          .withStatus(status)
          .withEntity(ContentTypes.APPLICATION_JSON, Json.MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + body.getClass(), e);
    }
  }

  static HttpResponse ok(Object body) {
    return json(200, body);
  }

  static HttpResponse error(Throwable failure) {
    Throwable t = failure;
    while (t instanceof CompletionException && t.getCause() != null) t = t.getCause();
    if (t instanceof ApiException api) return json(api.status(), api.toError());
    if (t instanceof InvalidQueryException bad) return json(400, new ApiError(bad.getMessage(), bad.param()));
    if (t instanceof IllegalArgumentException bad) return json(400, ApiError.of(bad.getMessage()));
    log.error("request failed", t);
    return json(StatusCodes.INTERNAL_SERVER_ERROR.intValue(), ApiError.of("internal error: " + t));
  }

  static CompletionStage<HttpResponse> of(CompletionStage<?> result) {
    return result.handle((value, failure) -> failure == null ? ok(value) : error(failure));
  }
}
