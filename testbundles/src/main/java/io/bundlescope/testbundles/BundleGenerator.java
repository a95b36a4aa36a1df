package io.bundlescope.testbundles;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes a bundle for a {@link BundleSpec} and returns what a correct ingest must find in it;
 * the expectation is also written as {@code <name>.expected.json} next to the bundle. Nodes
 * are generated in parallel into temporary node zips next to {@code out} (or straight into
 * their folders), then appended in node order; memory stays bounded whatever the size.
 */
public final class BundleGenerator {
  private BundleGenerator() {}

  /**
   * @param out the {@code .tar.gz} or {@code .zip} file to write (replaced if present), or the
   *     directory to create for {@link Layout#DIRECTORY} (must be absent or empty)
   */
  public static GeneratedBundle generate(BundleSpec spec, Path out) throws IOException {
    Path bundle = out.toAbsolutePath();
    Files.createDirectories(bundle.getParent());
    List<Node> nodes = IntStream.range(0, spec.nodes()).mapToObj(Node::new).toList();
    FileTime collected = FileTime.from(spec.endTime());
    Tally tally = spec.layout() == Layout.DIRECTORY
        ? writeDirectory(spec, nodes, bundle, collected)
        : writeArchive(spec, nodes, bundle, collected);
    Expected expected = tally.toExpected();
    Path json = bundle.resolveSibling(baseName(bundle) + ".expected.json");
    expected.write(json);
    return new GeneratedBundle(bundle, expected, json);
  }

  /** The node's zip name in archive layouts: {@code PE-10.1.2.10.zip}. */
  static String zipName(Node node) {
    return "PE-" + node.ip() + ".zip";
  }

  /** The node's folder in the directory layout: {@code NTNX-Log-<date>-<id>-<epoch>-PE-<ip>}. */
  static String folderName(BundleSpec spec, Node node) {
    return "NTNX-Log-" + DateTimeFormatter.ISO_LOCAL_DATE.format(
            spec.endTime().atOffset(ZoneOffset.UTC)) + "-" + spec.clusterId() + "-"
        + spec.endTime().getEpochSecond() + "-PE-" + node.ip();
  }

  private static Tally writeDirectory(BundleSpec spec, List<Node> nodes, Path out,
      FileTime collected) throws IOException {
    if (Files.exists(out)) {
      try (Stream<Path> children = Files.list(out)) {
        if (children.findAny().isPresent()) throw new FileAlreadyExistsException(out.toString());
      }
    }
    Tally tally = new Tally();
    forEachNode(spec, nodes, node -> {
      String folder = folderName(spec, node);
      return new NodeWriter(spec, node, folder + "/")
          .write(FileSink.directory(out.resolve(folder), collected));
    }, (node, nodeTally) -> tally.addAll(nodeTally));
    return tally;
  }

  private static Tally writeArchive(BundleSpec spec, List<Node> nodes, Path out,
      FileTime collected) throws IOException {
    Tally tally = new Tally();
    try (Container container = spec.layout() == Layout.TAR_GZ_OF_ZIPS
        ? Container.tarGz(out, collected) : Container.zip(out, collected)) {
      forEachNode(spec, nodes, node -> {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(tempZip(out, node))) {
          zip.setLevel(Deflater.BEST_SPEED);
          return new NodeWriter(spec, node, zipName(node) + "/")
              .write(FileSink.zip(zip, collected));
        }
      }, (node, nodeTally) -> {
        container.add(zipName(node), tempZip(out, node));
        Files.delete(tempZip(out, node));
        tally.addAll(nodeTally);
      });
    } finally {
      for (Node node : nodes) Files.deleteIfExists(tempZip(out, node));
    }
    return tally;
  }

  private static Path tempZip(Path out, Node node) {
    return out.resolveSibling("." + out.getFileName() + "." + zipName(node) + ".tmp");
  }

  private interface NodeTask {
    Tally write(Node node) throws IOException;
  }

  private interface NodeDone {
    void accept(Node node, Tally tally) throws IOException;
  }

  /** Runs {@code task} for every node in parallel; {@code done} sees them in node order. */
  private static void forEachNode(BundleSpec spec, List<Node> nodes, NodeTask task,
      NodeDone done) throws IOException {
    int threads = spec.threads() > 0 ? spec.threads() : Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, nodes.size()), r -> {
      Thread thread = new Thread(r, "bundle-generator");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<Tally>> futures = new ArrayList<>();
      for (Node node : nodes) futures.add(pool.submit(() -> task.write(node)));
      for (int i = 0; i < nodes.size(); i++) done.accept(nodes.get(i), await(futures.get(i)));
    } finally {
      pool.shutdownNow();
      try {
        pool.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Tally await(Future<Tally> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while generating");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) throw io;
      if (cause instanceof UncheckedIOException io) throw io.getCause();
      if (cause instanceof RuntimeException re) throw re;
      if (cause instanceof Error error) throw error;
      throw new IOException(cause);
    }
  }

  private static String baseName(Path bundle) {
    String name = bundle.getFileName().toString();
    for (String ext : List.of(".tar.gz", ".tgz", ".zip")) {
      if (name.endsWith(ext)) return name.substring(0, name.length() - ext.length());
    }
    return name;
  }
}
