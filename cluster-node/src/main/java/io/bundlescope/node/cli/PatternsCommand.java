package io.bundlescope.node.cli;

import io.bundlescope.analyzers.templates.FileSnapshotStore;
import io.bundlescope.analyzers.templates.Masker;
import io.bundlescope.analyzers.templates.MinerSettings;
import io.bundlescope.analyzers.templates.PatternsReport;
import io.bundlescope.analyzers.templates.TemplateMiner;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bundlescope patterns [--messages-only] FILE...}: the log template of every line, as
 * CSV on standard output. Standalone: needs no running node. The CSV is described in
 * {@link PatternsReport}; nothing is printed unless every file could be read.
 */
@Command(name = "patterns", mixinStandardHelpOptions = true,
    description = {
        "Print the log template of every input line as CSV: line,template_id,template.",
        "Line numbers start at 1 and run on across files, as if the files were concatenated;"
            + " template ids are shared by all files. The template column holds each template's"
            + " final text, after all input was read."})
final class PatternsCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE",
      description = "Log files, read as UTF-8 (.gz is decompressed); - for standard input.")
  List<String> files;

  @Option(names = "--messages-only",
      description = "Each line is a bare message. Without it, the log line header (time, level, ...) is"
          + " recognized and left out; lines without a known header are taken whole.")
  boolean messagesOnly;

  @Option(names = "--snapshot", paramLabel = "FILE",
      description = "Start from the templates saved in FILE, if it exists, and save them there after, so that"
          + " template ids stay the same from one run to the next.")
  Path snapshot;

  @Override
  public Integer call() {
    try {
      FileSnapshotStore store = snapshot == null ? null : new FileSnapshotStore(snapshot);
      Masker masker = Masker.defaults();
      MinerSettings settings = MinerSettings.defaults();
      TemplateMiner miner = store == null ? new TemplateMiner(masker, settings)
          : store.load().map(s -> TemplateMiner.restore(masker, settings, s))
              .orElseGet(() -> new TemplateMiner(masker, settings));
      PatternsReport report = new PatternsReport(miner, messagesOnly);
      for (String file : files) {
        try (BufferedReader in = open(file)) {
          report.read(in);
        } catch (NoSuchFileException e) {
          System.err.println("patterns: no such file: " + file);
          return 2;
        } catch (IOException e) {
          System.err.println("patterns: cannot read " + file + ": " + e.getMessage());
          return 2;
        }
      }
      report.writeCsv(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
      if (store != null) store.save(miner.snapshot());
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("patterns: " + e.getMessage());
      return 2;
    }
  }

  private static BufferedReader open(String file) throws IOException {
    InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file));
    if (file.endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }
}
