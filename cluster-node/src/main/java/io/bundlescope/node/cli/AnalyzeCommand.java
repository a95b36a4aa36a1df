package io.bundlescope.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bundlescope analyze PATH [--wait]}: submits a bundle to a running node. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Submit a bundle to a running node; with --wait, follow it to the end.")
final class AnalyzeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(index = "0", description = "Bundle: a directory or an archive under an allowed root.")
  Path bundle;

  @Option(names = "--wait", description = "Show live progress until the job ends, then a summary.")
  boolean await;

  @Option(names = "--reanalyze", description = "Analyze again even if this path was analyzed before.")
  boolean reanalyze;

  @Option(names = "--server", description = "Node URL (default ${DEFAULT-VALUE}; env BUNDLESCOPE_URL).")
  String server = System.getenv().getOrDefault("BUNDLESCOPE_URL", "http://127.0.0.1:8080");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    String query = "log_bundle_path=" + encode(bundle.toAbsolutePath().normalize().toString())
        + (reanalyze ? "&reanalyze=true" : "");
    JsonNode accepted = send(HttpRequest.newBuilder(uri("/logs/analyze?" + query))
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    if (accepted == null) return 2;
    String id = accepted.path("log_bundle_id").asText();
    out.println("bundle " + id + " accepted");
    if (!await) return 0;
    ProgressBar bar = new ProgressBar(out);
    while (true) {
      JsonNode status = send(HttpRequest.newBuilder(uri("/logs/job_status?log_bundle_id=" + encode(id))).GET().build());
      if (status == null) return 2;
      String state = status.path("job_status").asText();
      bar.show(state, status.path("progress"));
      if (state.equals("completed") || state.equals("failed")) {
        bar.end();
        new SummaryPrinter(out).print(status);
        return state.equals("completed") ? 0 : 1;
      }
      Thread.sleep(500);
    }
  }

  /** The JSON answer, or null after printing the API's error. */
  private JsonNode send(HttpRequest request) throws Exception {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.net.ConnectException e) {
      System.err.println("no Bundlescope node answers at " + server + " (start one with ./bundlescope run)");
      return null;
    }
    JsonNode body = JSON.readTree(response.body());
    if (response.statusCode() >= 400) {
      System.err.println("error " + response.statusCode() + ": " + body.path("error_msg").asText(response.body()));
      return null;
    }
    return body;
  }

  private URI uri(String pathAndQuery) {
    return URI.create(server.replaceAll("/+$", "") + pathAndQuery);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
