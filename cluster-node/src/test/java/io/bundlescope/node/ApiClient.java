package io.bundlescope.node;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** A small JSON client for a node's HTTP API, as tests use it. */
final class ApiClient {
  static final ObjectMapper JSON_MAPPER = new ObjectMapper();
  private static final ObjectMapper JSON = JSON_MAPPER;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String base;

  record Answer(int status, JsonNode body, java.net.http.HttpHeaders headers) {
    /** A response header, or null. */
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  /** A response read as text (exports). */
  record Text(int status, String body, java.net.http.HttpHeaders headers) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  ApiClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** {@code http://127.0.0.1:port} */
  String base() {
    return base;
  }

  /** The WebSocket address of a path on this node. */
  URI ws(String pathAndQuery) {
    return URI.create(base.replace("http://", "ws://") + pathAndQuery);
  }

  Answer get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build());
  }

  Answer post(String pathAndQuery, String jsonBody) {
    return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
        .header("Content-Type", "application/json")
        .POST(jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody))
        .build());
  }

  /** Submits a bundle by path and returns its id. */
  String analyze(String path) {
    Answer a = post("/logs/analyze?log_bundle_path=" + enc(path), null);
    if (a.status() != 200) fail("analyze " + path + " answered " + a);
    return a.body().path("log_bundle_id").asText();
  }

  /** Polls job_status until the job ends; returns the final status. */
  JsonNode awaitEnd(String bundleId, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      Answer a = get("/logs/job_status?log_bundle_id=" + enc(bundleId));
      String state = a.body() == null ? "" : a.body().path("job_status").asText();
      if (state.equals("completed") || state.equals("failed")) return a.body();
      Thread.sleep(200);
    }
    return fail("bundle " + bundleId + " did not finish within " + timeout + ": " + get("/logs/job_status?log_bundle_id=" + bundleId));
  }

  /** Polls job_status until the bundle is completed on a node other than {@code lost}; returns it. */
  JsonNode awaitCompletedAwayFrom(String bundleId, String lost, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode s = null;
    while (Instant.now().isBefore(deadline)) {
      s = get("/logs/job_status?log_bundle_id=" + enc(bundleId)).body();
      if (s.path("job_status").asText().equals("completed") && !s.path("hosting_worker_vm_ip").asText().equals(lost)) {
        return s;
      }
      Thread.sleep(250);
    }
    return fail("bundle " + bundleId + " never completed away from " + lost + ": " + s);
  }

  /** {@code /logs/aggregate} buckets as a sorted map. */
  Map<String, Long> counts(String bundleId, String groupBy) {
    Answer a = get("/logs/aggregate?log_bundle_id=" + enc(bundleId) + "&group_by=" + groupBy);
    if (a.status() != 200) fail("aggregate answered " + a);
    Map<String, Long> out = new TreeMap<>();
    a.body().path("buckets").forEach(b -> out.put(b.path("key").asText(), b.path("count").asLong()));
    return out;
  }

  boolean isUp() {
    try {
      return get("/health").status() == 200;
    } catch (RuntimeException e) {
      return false;
    }
  }

  Answer send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()), r.headers());
    } catch (IOException e) {
      throw new IllegalStateException("request " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Text getText(String pathAndQuery) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return new Text(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new IllegalStateException("request " + pathAndQuery + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
