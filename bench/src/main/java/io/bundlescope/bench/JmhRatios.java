package io.bundlescope.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints each benchmark's score as a ratio to the {@code baseline*} methods of the same class
 * and parameters, measured in the same run: {@code JmhRatios target/jmh-result.json} (JMH's
 * {@code -rf json} output). A ratio of 0.25 means a quarter of the baseline's throughput.
 */
public final class JmhRatios {
  private JmhRatios() {}

  private record Score(String method, double score, double error) {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: JmhRatios JMH_RESULT.json");
      System.exit(2);
    }
    Map<String, List<Score>> groups = new LinkedHashMap<>();
    for (JsonNode run : new ObjectMapper().readTree(new File(args[0]))) {
      String name = run.path("benchmark").asText();
      int dot = name.lastIndexOf('.');
      String group = name.substring(name.lastIndexOf('.', dot - 1) + 1, dot) + " " + run.path("params");
      JsonNode metric = run.path("primaryMetric");
      groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new Score(name.substring(dot + 1),
          metric.path("score").asDouble(), metric.path("scoreError").asDouble()));
    }
    groups.forEach((group, scores) -> {
      System.out.println(group.replace("{}", "").replace("\"", ""));
      List<Score> baselines = scores.stream().filter(s -> s.method().startsWith("baseline")).toList();
      for (Score s : scores) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-24s %14.0f ± %-12.0f ops/s",
            s.method(), s.score(), Double.isNaN(s.error()) ? 0 : s.error()));
        if (!s.method().startsWith("baseline")) {
          for (Score b : baselines) {
            line.append(String.format(Locale.ROOT, "  %.3f x %s", s.score() / b.score(), b.method()));
          }
        }
        System.out.println(line);
      }
    });
  }
}
