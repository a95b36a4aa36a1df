package io.bundlescope.bench;

import io.bundlescope.parsers.FileContext;
import io.bundlescope.parsers.FileParser;
import io.bundlescope.parsers.FileStats;
import java.io.ByteArrayInputStream;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Full record building ({@link FileParser#parse}: line splitting, decoding, headers, folding
 * continuation lines, {@code LogRecord}s) over the {@link Corpus} as one in-memory file, against
 * the baselines over the same bytes. Every score is counted in corpus records per second, so the
 * ratio of two scores is the ratio of their passes over the corpus.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@OperationsPerInvocation(Corpus.RECORDS)
public class FileParserBenchmark {
  private static final FileContext CONTEXT = new FileContext("bench-bundle", "chunk-0", "10.1.2.10",
      "PE-10.1.2.10.zip/cvm_logs/mixed.log", "mixed.log", "mixed.log", "mixed", null, Corpus.YEAR,
      ZoneOffset.UTC, Set.of());

  @Param({"GROUPED", "INTERLEAVED"})
  Corpus.Order order;

  private byte[] bytes;

  @Setup
  public void setUp() {
    bytes = Corpus.build(order).bytes;
    FileStats stats = FileParser.parse(new ByteArrayInputStream(bytes), CONTEXT, r -> {});
    if (stats.records() != Corpus.RECORDS || stats.lines() != Corpus.LINES) {
      throw new IllegalStateException("parsed " + stats + "; corpus has " + Corpus.RECORDS
          + " records in " + Corpus.LINES + " lines");
    }
    System.out.printf("corpus: %d bytes, %d lines, %d records%n", bytes.length, Corpus.LINES, Corpus.RECORDS);
  }

  @Benchmark
  public FileStats parseFile(Blackhole bh) {
    return FileParser.parse(new ByteArrayInputStream(bytes), CONTEXT, bh::consume);
  }

  @Benchmark
  public int baselineCountNewlines() {
    return Baselines.countNewlines(bytes);
  }

  @Benchmark
  public int baselineDecodeLines(Blackhole bh) {
    return Baselines.decodeLines(bytes, bh);
  }
}
