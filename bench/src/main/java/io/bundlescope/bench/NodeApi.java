package io.bundlescope.bench;

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

/** The few calls of a node's HTTP API the ingest harness makes. */
final class NodeApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  NodeApi(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** True when {@code GET /health} answers 200; false while the node is not listening yet. */
  boolean healthy() throws InterruptedException {
    try {
      return http.send(request("/health").GET().build(), HttpResponse.BodyHandlers.discarding())
          .statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code POST /logs/analyze?log_bundle_path=}: the new bundle's {@code log_bundle_id}. */
  String analyze(String bundlePath) throws IOException, InterruptedException {
    JsonNode answer = call(request("/logs/analyze?log_bundle_path=" + encode(bundlePath))
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    String id = answer.path("log_bundle_id").asText("");
    if (id.isEmpty()) throw new IOException("analyze answered without log_bundle_id: " + answer);
    return id;
  }

  /**
   * {@code POST /logs/analyze?log_bundle_path=&reanalyze=true&<policy>}: a new bundle id for the
   * same bundle under an ingest policy given as query parameters ({@code info=count&debug=drop}).
   */
  String analyzeAgain(String bundlePath, String policyParams) throws IOException, InterruptedException {
    JsonNode answer = call(request("/logs/analyze?log_bundle_path=" + encode(bundlePath) + "&reanalyze=true"
        + (policyParams.isEmpty() ? "" : "&" + policyParams)).POST(HttpRequest.BodyPublishers.noBody()).build());
    String id = answer.path("log_bundle_id").asText("");
    if (id.isEmpty()) throw new IOException("analyze answered without log_bundle_id: " + answer);
    return id;
  }

  /** {@code GET /logs/job_status?log_bundle_id=}. */
  JsonNode jobStatus(String id) throws IOException, InterruptedException {
    return call(request("/logs/job_status?log_bundle_id=" + encode(id)).GET().build());
  }

  private JsonNode call(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(request.method() + " " + request.uri() + " -> " + response.statusCode()
          + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
