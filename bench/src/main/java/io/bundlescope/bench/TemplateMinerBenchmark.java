package io.bundlescope.bench;

import io.bundlescope.analyzers.templates.Masker;
import io.bundlescope.analyzers.templates.TemplateMiner;
import io.bundlescope.parsers.FileContext;
import io.bundlescope.parsers.FileParser;
import java.io.ByteArrayInputStream;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The template miner over the first lines of the {@link Corpus}'s records (what ingest feeds
 * it), beside baselines on the same messages. Every score is messages/s.
 *
 * <ul>
 *   <li>{@code warmMiner}: one miner that has seen the messages before (a big bundle, or a node
 *       that mined earlier bundles: nearly every message joins a known template);
 *   <li>{@code freshMiner}: a new miner per pass (every template is learned again);
 *   <li>{@code mask}: masking alone, part of both;
 *   <li>{@code baselineSplitWords}: splitting each message at whitespace, the least any
 *       word-based miner does.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@OperationsPerInvocation(Corpus.RECORDS)
public class TemplateMinerBenchmark {
  private static final FileContext CONTEXT = new FileContext("bench-bundle", "chunk-0", "10.1.2.10",
      "PE-10.1.2.10.zip/cvm_logs/mixed.log", "mixed.log", "mixed.log", "mixed", null, Corpus.YEAR,
      ZoneOffset.UTC, Set.of());

  private String[] messages;
  private TemplateMiner warm;
  private final Masker masker = Masker.defaults();

  @Setup
  public void setUp() {
    List<String> firstLines = new ArrayList<>();
    FileParser.parse(new ByteArrayInputStream(Corpus.build(Corpus.Order.GROUPED).bytes), CONTEXT, r -> {
      int newline = r.message().indexOf('\n');
      firstLines.add(newline < 0 ? r.message() : r.message().substring(0, newline));
    });
    if (firstLines.size() != Corpus.RECORDS) throw new IllegalStateException(firstLines.size() + " records");
    messages = firstLines.toArray(String[]::new);
    warm = TemplateMiner.withDefaults();
    for (String m : messages) warm.add(m);
    System.out.printf("messages: %d, templates: %d%n", messages.length, warm.size());
  }

  @Benchmark
  public void warmMiner(Blackhole bh) {
    TemplateMiner miner = warm;
    for (String m : messages) bh.consume(miner.add(m));
  }

  @Benchmark
  public void freshMiner(Blackhole bh) {
    TemplateMiner miner = TemplateMiner.withDefaults();
    for (String m : messages) bh.consume(miner.add(m));
  }

  @Benchmark
  public void mask(Blackhole bh) {
    for (String m : messages) bh.consume(masker.mask(m));
  }

  @Benchmark
  public void baselineSplitWords(Blackhole bh) {
    for (String m : messages) bh.consume(m.split("\\s+"));
  }
}
