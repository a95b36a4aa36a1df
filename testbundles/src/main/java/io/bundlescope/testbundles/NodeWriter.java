package io.bundlescope.testbundles;

import io.bundlescope.testbundles.LogFile.Compression;
import io.bundlescope.testbundles.NodeFiles.Source;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.Deflater;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Writes one node's files into a {@link FileSink}, one after the other and streaming, and
 * tallies them. Sized by records, each source gets its exact share of recordsPerNode; sized
 * by bytes, its share of the node's bytes divided by its mean record size, measured by
 * writing a sample of its records.
 */
final class NodeWriter {
  static final int BINARY_BYTES = 16 * 1024;
  /** Records written to measure a source's mean record size when sizing by bytes. */
  private static final int SAMPLE = 2048;

  private final BundleSpec spec;
  private final Node node;
  private final NodeFiles files;
  private final String root;

  /** {@code root} prefixes logical paths: the node zip or folder name and a '/'. */
  NodeWriter(BundleSpec spec, Node node, String root) {
    this.spec = spec;
    this.node = node;
    this.files = new NodeFiles(spec, node);
    this.root = root;
  }

  Tally write(FileSink sink) throws IOException {
    Tally tally = new Tally();
    byte[] config = spec.notALogFile() ? ZeusConfig.render(spec) : new byte[0];
    if (spec.notALogFile()) {
      writeRaw(sink, "cvm_config/zeus_config.txt", config, false);
      tally.notALogFile(root + "cvm_config/zeus_config.txt");
      tally.bytes(config.length);
    }
    List<Source> sources = files.sources();
    long[] counts = plan(sources, config.length + (spec.binaryFile() ? BINARY_BYTES : 0));
    for (int i = 0; i < sources.size(); i++) {
      for (LogFile file : files.files(sources.get(i), counts[i])) {
        if (Thread.interrupted()) throw new InterruptedIOException("generation cancelled");
        AsciiOut out = new AsciiOut(compress(
            sink.open(file.path(), file.compression() != Compression.NONE), file.compression()));
        try (out) {
          tally.logFile(root + file.path(), node.ip(), file.service(), file.write(out));
        }
        tally.bytes(out.count());
      }
    }
    if (spec.binaryFile()) {
      writeRaw(sink, "cvm_logs/core.stargate.log", randomBytes(), true);
      tally.binaryFile(root + "cvm_logs/core.stargate.log");
      tally.bytes(BINARY_BYTES);
    }
    return tally;
  }

  /** Records per source. */
  private long[] plan(List<Source> sources, long fixedBytes) {
    int[] weights = sources.stream().mapToInt(s -> s.weight).toArray();
    if (!spec.sizedByBytes()) return apportion(spec.recordsPerNode(), weights);
    double budget = Math.max(0, spec.targetBytes() / spec.nodes() - fixedBytes);
    double totalWeight = sources.stream().mapToInt(s -> s.weight).sum();
    long[] counts = new long[sources.size()];
    for (int i = 0; i < counts.length; i++) {
      double bytesPerRecord = sampleBytes(sources.get(i)) / (double) SAMPLE;
      counts[i] = Math.round(budget * weights[i] / totalWeight / bytesPerRecord);
    }
    return counts;
  }

  private long sampleBytes(Source source) {
    long bytes = 0;
    for (LogFile file : files.files(source, SAMPLE)) {
      AsciiOut out = new AsciiOut(OutputStream.nullOutputStream());
      file.write(out);
      bytes += out.count();
    }
    return bytes;
  }

  /** Splits {@code total} by weight exactly: largest remainders first, ties to the first. */
  static long[] apportion(long total, int[] weights) {
    long sum = 0;
    for (int w : weights) sum += w;
    long[] shares = new long[weights.length];
    long[] remainders = new long[weights.length];
    long left = total;
    for (int i = 0; i < weights.length; i++) {
      shares[i] = total / sum * weights[i] + total % sum * weights[i] / sum;
      remainders[i] = total % sum * weights[i] % sum;
      left -= shares[i];
    }
    for (; left > 0; left--) {
      int best = 0;
      for (int i = 1; i < weights.length; i++) if (remainders[i] > remainders[best]) best = i;
      shares[best]++;
      remainders[best] = -1;
    }
    return shares;
  }

  /** A core dump stand-in: random bytes, NULs included. */
  private byte[] randomBytes() {
    byte[] core = new byte[BINARY_BYTES];
    Rng rng = new Rng(Rng.derive(node.seed(spec.seed()), 0xC0DE));
    for (int i = 0; i < core.length; i += 8) {
      long v = rng.nextLong();
      for (int b = 0; b < 8; b++) core[i + b] = (byte) (v >>> (8 * b));
    }
    return core;
  }

  private static OutputStream compress(OutputStream out, Compression compression)
      throws IOException {
    switch (compression) {
      case GZIP:
        GzipParameters gzip = new GzipParameters();
        gzip.setCompressionLevel(Deflater.BEST_SPEED);
        return new GzipCompressorOutputStream(new BufferedOutputStream(out, 1 << 16), gzip);
      case XZ:
        return new XZOutputStream(new BufferedOutputStream(out, 1 << 16), new LZMA2Options(0));
      default:
        return out;
    }
  }

  private static void writeRaw(FileSink sink, String path, byte[] bytes, boolean compressed)
      throws IOException {
    try (OutputStream out = sink.open(path, compressed)) {
      out.write(bytes);
    }
  }
}
