package io.bundlescope.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The one-screen summary of a finished job: records per node, service and level; warnings. */
final class SummaryPrinter {
  private static final int MAX_WARNINGS = 10;
  private final PrintStream out;

  SummaryPrinter(PrintStream out) {
    this.out = out;
  }

  void print(JsonNode status) {
    out.println("bundle   " + status.path("id").asText() + "  " + status.path("job_status").asText()
        + "  " + status.path("log_bundle_path").asText());
    if (!status.path("start_time").isNull() && !status.path("end_time").isNull()) {
      Duration took = Duration.between(Instant.parse(status.path("start_time").asText()),
          Instant.parse(status.path("end_time").asText()));
      out.printf("took     %.1f s%n", took.toMillis() / 1000.0);
    }
    if (!status.path("error_msg").isNull()) out.println("error    " + status.path("error_msg").asText());
    JsonNode summary = status.path("summary");
    if (summary.isObject()) {
      out.printf("type     %s, %,d records from %d files%n", summary.path("bundle_type").asText(),
          summary.path("records").asLong(), summary.path("files_with_records").asLong());
      table("node", summary.path("by_cvm_ip"));
      table("service", summary.path("by_service"));
      table("level", summary.path("by_level"));
    }
    JsonNode warnings = status.path("warnings");
    if (warnings.size() > 0) {
      out.println("warnings (" + warnings.size() + ")");
      for (int i = 0; i < Math.min(MAX_WARNINGS, warnings.size()); i++) out.println("  " + warnings.get(i).asText());
      if (warnings.size() > MAX_WARNINGS) out.println("  ... " + (warnings.size() - MAX_WARNINGS) + " more in job_status");
    }
  }

  /** One line of {@code key=count} cells, largest first. */
  private void table(String title, JsonNode counts) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    counts.fields().forEachRemaining(entries::add);
    entries.sort(Comparator.comparingLong((Map.Entry<String, JsonNode> e) -> e.getValue().asLong()).reversed());
    List<String> cells = entries.stream().map(e -> String.format("%s=%,d", e.getKey(), e.getValue().asLong())).toList();
    out.printf("%-8s %s%n", title, String.join("  ", cells));
  }
}
