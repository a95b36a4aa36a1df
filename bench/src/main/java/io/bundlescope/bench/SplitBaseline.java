package io.bundlescope.bench;

import io.bundlescope.parsers.bundle.BundleException;
import io.bundlescope.parsers.bundle.BundleFile;
import io.bundlescope.parsers.bundle.BundleFiles;
import io.bundlescope.parsers.bundle.BundleInventory;
import io.bundlescope.parsers.bundle.BundleStager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor an ingest is measured against: decompressing a bundle and splitting it into lines,
 * with nothing parsed or stored.
 *
 * @param seconds wall time of the whole pass
 * @param stageSeconds of which expanding the archives (Java pass only, else 0)
 * @param lines newlines counted
 * @param bytes bytes the lines were counted in
 * @param cpuSeconds CPU time of the pass (user + system, all threads or processes): unlike wall
 *     time, hardly changed by other work on a shared machine
 */
record SplitBaseline(double seconds, double stageSeconds, long lines, long bytes, double cpuSeconds) {

  private static final String SHELL = """
      set -euo pipefail
      tar -xzf "$1" -C "$2"
      find "$2" -name '*.zip' -print0 | sort -z | xargs -0 -n1 unzip -p | wc -lc
      """;

  /**
   * {@code tar -xzf} into a scratch directory under {@code work}, then {@code unzip -p} of every
   * node zip piped to {@code wc -lc}. Files compressed inside the zips (rotated .gz/.xz) are
   * counted as their compressed bytes.
   */
  static SplitBaseline shell(Path bundle, Path work) throws IOException, InterruptedException {
    Path scratch = TempDirs.create(work, "baseline-shell-");
    try {
      long began = System.nanoTime();
      double cpuBefore = Proc.childrenCpuSeconds();
      Process p = new ProcessBuilder("bash", "-c", SHELL, "baseline", bundle.toString(), scratch.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      if (p.waitFor() != 0) throw new IOException("shell baseline failed (exit " + p.exitValue() + ")");
      double seconds = (System.nanoTime() - began) / 1e9;
      String[] counts = out.split("\\s+");
      double cpu = Proc.childrenCpuSeconds() - cpuBefore;
      return new SplitBaseline(seconds, 0, Long.parseLong(counts[0]), Long.parseLong(counts[1]), cpu);
    } finally {
      TempDirs.delete(scratch);
    }
  }

  /**
   * {@link BundleStager#stage} into a scratch directory under {@code work} (nested archives
   * expanded, one thread), then every staged file through {@link BundleFiles#open} (rotated files
   * decompressed) counting newlines on {@code threads} threads.
   */
  static SplitBaseline java(Path bundle, Path work, int threads)
      throws IOException, InterruptedException, BundleException {
    Path scratch = TempDirs.create(work, "baseline-java-");
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long began = System.nanoTime();
      double cpuBefore = Proc.cpuSeconds(ProcessHandle.current().pid());
      BundleInventory inventory = BundleStager.stage(bundle, scratch);
      long staged = System.nanoTime();
      List<Future<long[]>> counts = new ArrayList<>();
      for (BundleFile file : inventory.files()) counts.add(pool.submit(() -> countLines(file)));
      long lines = 0;
      long bytes = 0;
      for (Future<long[]> count : counts) {
        long[] c = count.get();
        lines += c[0];
        bytes += c[1];
      }
      long done = System.nanoTime();
      double cpu = Proc.cpuSeconds(ProcessHandle.current().pid()) - cpuBefore;
      return new SplitBaseline((done - began) / 1e9, (staged - began) / 1e9, lines, bytes, cpu);
    } catch (ExecutionException e) {
      throw new IOException("java baseline failed", e.getCause());
    } finally {
      pool.shutdownNow();
      TempDirs.delete(scratch);
    }
  }

  /** {newlines, bytes} of the decompressed file. */
  private static long[] countLines(BundleFile file) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long lines = 0;
    long bytes = 0;
    try (InputStream in = BundleFiles.open(file)) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        bytes += n;
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') lines++;
        }
      }
    }
    return new long[] {lines, bytes};
  }
}
