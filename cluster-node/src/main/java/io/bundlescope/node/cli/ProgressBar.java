package io.bundlescope.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** One self-rewriting terminal line: files, bytes and records of a running job. */
final class ProgressBar {
  private static final int WIDTH = 30;
  private final PrintStream out;

  ProgressBar(PrintStream out) {
    this.out = out;
  }

  void show(String state, JsonNode p) {
    long files = p.path("files_total").asLong();
    long filesDone = p.path("files_done").asLong();
    long bytes = p.path("bytes_total").asLong();
    long bytesDone = p.path("bytes_done").asLong();
    double fraction = bytes > 0 ? (double) bytesDone / bytes : files > 0 ? (double) filesDone / files : 0;
    int filled = (int) Math.round(Math.min(1, fraction) * WIDTH);
    out.printf("\r%-10s [%s%s] %3d%%  %d/%d files  %s/%s  %,d records   ", state,
        "#".repeat(filled), " ".repeat(WIDTH - filled), Math.round(fraction * 100),
        filesDone, files, mb(bytesDone), mb(bytes), p.path("records").asLong());
    out.flush();
  }

  void end() {
    out.println();
  }

  static String mb(long bytes) {
    return String.format("%.1f MB", bytes / 1e6);
  }
}
