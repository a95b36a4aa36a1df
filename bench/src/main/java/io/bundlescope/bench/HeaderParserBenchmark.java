package io.bundlescope.bench;

import io.bundlescope.parsers.line.HeaderParser;
import java.time.ZoneOffset;
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
 * Header extraction ({@link HeaderParser#parse}) over the {@link Corpus} lines already in memory
 * as Strings, against the baselines over the same corpus as UTF-8 bytes. Every score is lines/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@OperationsPerInvocation(Corpus.LINES)
public class HeaderParserBenchmark {
  @Param({"GROUPED", "INTERLEAVED"})
  Corpus.Order order;

  private String[] lines;
  private byte[] bytes;
  private HeaderParser parser;

  @Setup
  public void setUp() {
    Corpus corpus = Corpus.build(order);
    lines = corpus.lines.toArray(String[]::new);
    bytes = corpus.bytes;
    parser = new HeaderParser(Corpus.YEAR, ZoneOffset.UTC);
    int records = 0;
    for (String line : lines) {
      if (parser.parse(line) != null) records++;
    }
    if (records != Corpus.RECORDS) {
      throw new IllegalStateException(records + " record starts found, corpus has " + Corpus.RECORDS);
    }
  }

  @Benchmark
  public void parseHeaders(Blackhole bh) {
    HeaderParser p = parser;
    for (String line : lines) bh.consume(p.parse(line));
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
