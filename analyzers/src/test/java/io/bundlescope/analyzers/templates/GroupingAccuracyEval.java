package io.bundlescope.analyzers.templates;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Grouping accuracy (GA) of the default {@link TemplateMiner} on the loghub 2k samples
 * (https://github.com/logpai/loghub; Zhu et al., "Loghub: A Large Collection of System Log
 * Datasets for AI-driven Log Analytics", ISSRE 2023), one fresh miner per system, the same
 * defaults for all.
 *
 * <p>GA, as defined by LogPAI (Zhu et al., ICSE-SEIP 2019): a message is grouped correctly iff
 * the set of messages in its predicted group equals the set in its true group (EventId); GA is
 * the share of such messages. The input of each message is the structured CSV's Content
 * column (the raw line minus the system's header). Scored against both the original
 * {@code X_2k.log_structured.csv} and loghub-2.0's {@code X_2k.log_structured_corrected.csv}.
 *
 * <p>Run (from the repository root, after {@code mvn -o -q -pl analyzers install}):
 * <pre>
 * java -cp analyzers/target/classes:analyzers/target/test-classes \
 *   io.bundlescope.analyzers.templates.GroupingAccuracyEval [DATA_DIR] [--errors SYSTEM]
 * </pre>
 * DATA_DIR defaults to {@code ../shared/data/loghub-dev} (also tried one level further up, for
 * a run from the module directory). Without the data it prints why and exits 0. With
 * {@code --errors SYSTEM} it also lists the wrongly grouped messages of that system. For
 * ablations: {@code --threshold X}, {@code --depth N}, {@code --no-digit-routing},
 * {@code --letters-are-variables}, {@code --no-masking} change one default.
 */
public final class GroupingAccuracyEval {
  static final List<String> SYSTEMS =
      List.of("Apache", "BGL", "HDFS", "HealthApp", "Linux", "OpenStack", "Spark", "Zookeeper");

  /** GA of one system against both truths, and the template counts. */
  record Score(String system, double original, double corrected, int templates, int trueTemplates) {}

  private GroupingAccuracyEval() {}

  public static void main(String[] args) throws IOException {
    String dir = null;
    String errorsOf = null;
    MinerSettings settings = MinerSettings.defaults();
    Masker masker = Masker.defaults();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--errors" -> errorsOf = args[++i];
        case "--threshold" -> settings = settings.withSimilarityThreshold(Double.parseDouble(args[++i]));
        case "--depth" -> settings = settings.withPrefixDepth(Integer.parseInt(args[++i]));
        case "--no-digit-routing" -> settings = settings.withDigitsRouteToWildcard(false);
        case "--letters-are-variables" -> settings = settings.withLettersAreConstants(false);
        case "--no-masking" -> masker = Masker.none();
        default -> dir = args[i];
      }
    }
    Optional<Path> data = dataDir(dir);
    if (data.isEmpty()) {
      System.out.println("loghub-dev data not found (looked for ../shared/data/loghub-dev and ../../shared/data/loghub-dev);"
          + " nothing to evaluate");
      return;
    }
    List<Score> scores = evaluate(data.get(), settings, masker);
    print(scores, System.out);
    if (errorsOf != null) printErrors(data.get(), errorsOf, new TemplateMiner(masker, settings), System.out);
  }

  /** The data directory: the given one, else ../shared/data/loghub-dev or ../../shared/data/loghub-dev. */
  static Optional<Path> dataDir(String given) {
    List<Path> candidates = given != null ? List.of(Path.of(given))
        : List.of(Path.of("../shared/data/loghub-dev"), Path.of("../../shared/data/loghub-dev"));
    for (Path p : candidates) {
      if (Files.isRegularFile(p.resolve("HDFS/HDFS_2k.log_structured.csv"))) return Optional.of(p);
    }
    return Optional.empty();
  }

  static List<Score> evaluate(Path data, MinerSettings settings, Masker masker) throws IOException {
    List<Score> scores = new ArrayList<>();
    for (String system : SYSTEMS) {
      Labelled original = read(data.resolve(system + "/" + system + "_2k.log_structured.csv"));
      Path correctedFile = data.resolve(system + "/" + system + "_2k.log_structured_corrected.csv");
      Labelled corrected = Files.exists(correctedFile) ? read(correctedFile) : original;
      TemplateMiner miner = new TemplateMiner(masker, settings);
      long[] predicted = new long[original.messages.size()];
      for (int i = 0; i < predicted.length; i++) predicted[i] = miner.add(original.messages.get(i)).templateId();
      scores.add(new Score(system, accuracy(predicted, original.events), accuracy(predicted, corrected.events),
          miner.size(), (int) original.events.stream().distinct().count()));
    }
    return scores;
  }

  static void print(List<Score> scores, PrintStream out) {
    out.println("system      GA(original)  GA(corrected)  templates  true templates");
    double sumO = 0;
    double sumC = 0;
    for (Score s : scores) {
      out.printf(Locale.ROOT, "%-11s %12.4f  %13.4f  %9d  %14d%n", s.system(), s.original(), s.corrected(),
          s.templates(), s.trueTemplates());
      sumO += s.original();
      sumC += s.corrected();
    }
    out.printf(Locale.ROOT, "%-11s %12.4f  %13.4f%n", "average", sumO / scores.size(), sumC / scores.size());
  }

  /** LogPAI grouping accuracy of predicted group ids against true event ids. */
  static double accuracy(long[] predicted, List<String> truth) {
    Map<String, Integer> trueSize = new HashMap<>();
    for (String t : truth) trueSize.merge(t, 1, Integer::sum);
    Map<Long, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < predicted.length; i++) groups.computeIfAbsent(predicted[i], k -> new ArrayList<>()).add(i);
    int correct = 0;
    for (List<Integer> members : groups.values()) {
      String event = truth.get(members.get(0));
      boolean pure = members.stream().allMatch(i -> truth.get(i).equals(event));
      if (pure && trueSize.get(event) == members.size()) correct += members.size();
    }
    return (double) correct / predicted.length;
  }

  /** Wrong groups of one system (against the corrected truth): predicted template, truth, messages. */
  static void printErrors(Path data, String system, TemplateMiner miner, PrintStream out) throws IOException {
    Path file = data.resolve(system + "/" + system + "_2k.log_structured_corrected.csv");
    Labelled truth = read(file);
    long[] predicted = new long[truth.messages.size()];
    for (int i = 0; i < predicted.length; i++) predicted[i] = miner.add(truth.messages.get(i)).templateId();
    Map<String, Integer> trueSize = new HashMap<>();
    for (String t : truth.events) trueSize.merge(t, 1, Integer::sum);
    Map<Long, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < predicted.length; i++) groups.computeIfAbsent(predicted[i], k -> new ArrayList<>()).add(i);
    for (Map.Entry<Long, List<Integer>> g : groups.entrySet()) {
      List<Integer> members = g.getValue();
      Map<String, Integer> events = new LinkedHashMap<>();
      for (int i : members) events.merge(truth.events.get(i), 1, Integer::sum);
      String first = truth.events.get(members.get(0));
      if (events.size() == 1 && trueSize.get(first) == members.size()) continue;
      out.println("== template " + g.getKey() + " (" + members.size() + " messages): "
          + miner.template(g.getKey()).map(Template::text).orElse("?"));
      for (Map.Entry<String, Integer> e : events.entrySet()) {
        int example = members.stream().filter(i -> truth.events.get(i).equals(e.getKey())).findFirst().orElseThrow();
        out.println("   " + e.getKey() + " " + e.getValue() + "/" + trueSize.get(e.getKey()) + "  "
            + truth.templates.get(example) + "   | e.g. " + truth.messages.get(example));
      }
    }
  }

  /** Messages with their true event ids and templates. */
  record Labelled(List<String> messages, List<String> events, List<String> templates) {}

  static Labelled read(Path csv) throws IOException {
    List<List<String>> rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
    List<String> header = rows.get(0);
    int content = header.indexOf("Content");
    int event = header.indexOf("EventId");
    int template = header.indexOf("EventTemplate");
    if (content < 0 || event < 0) throw new IOException(csv + ": no Content or EventId column");
    Labelled out = new Labelled(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.size() == 1 && row.get(0).isEmpty()) continue;
      out.messages.add(row.get(content));
      out.events.add(row.get(event));
      out.templates.add(template >= 0 ? row.get(template) : "");
    }
    return out;
  }

  /** RFC 4180 reading: quoted fields may hold commas, doubled quotes and line breaks. */
  static final class Csv {
    static List<List<String>> parse(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      int n = text.length();
      for (int i = 0; i < n; i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          row.add(field.toString());
          field.setLength(0);
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
          row.add(field.toString());
          field.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
        } else {
          field.append(c);
        }
      }
      if (field.length() > 0 || !row.isEmpty()) {
        row.add(field.toString());
        rows.add(row);
      }
      return rows;
    }
  }
}
