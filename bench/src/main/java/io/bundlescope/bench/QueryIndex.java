package io.bundlescope.bench;

import io.bundlescope.index.BundleIndexWriter;
import io.bundlescope.index.lucene.LuceneLogStore;
import io.bundlescope.parsers.FileContext;
import io.bundlescope.parsers.FileParser;
import io.bundlescope.parsers.bundle.BundleFile;
import io.bundlescope.parsers.bundle.BundleFiles;
import io.bundlescope.parsers.bundle.BundleInventory;
import io.bundlescope.parsers.bundle.BundleStager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A bundle indexed in this process the way a node does it (staged, every file through {@link
 * FileParser} into the bundle's {@link LuceneLogStore} partition on several threads, one
 * commit), without the node around it: the query benchmark measures the index, not ingestion.
 *
 * @param records records indexed
 * @param seconds wall time of staging, parsing and the commit
 * @param indexBytes size of the bundle's index directory after the commit
 */
record QueryIndex(long records, double seconds, long indexBytes) {

  static QueryIndex build(Path bundle, Path staging, LuceneLogStore store, Path storeRoot, String bundleId,
      int threads) throws Exception {
    long began = System.nanoTime();
    BundleInventory inventory = BundleStager.stage(bundle, staging);
    BundleIndexWriter writer = store.writer(bundleId);
    AtomicLong records = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> parsed = new ArrayList<>();
      List<BundleFile> files = inventory.files();
      for (int i = 0; i < files.size(); i++) {
        BundleFile file = files.get(i);
        FileContext context = new FileContext(bundleId, "chunk-" + i, file.cvmIp(), file.logicalPath(),
            file.filename(), file.sourceLogFilename(), file.service(), file.glog() == null ? null : file.glog().pid(),
            BundleFiles.yearHint(file), ZoneOffset.UTC, file.dropLevels());
        parsed.add(pool.submit(() -> {
          try (InputStream in = BundleFiles.open(file)) {
            records.addAndGet(FileParser.parse(in, context, writer::add).records());
          }
          return null;
        }));
      }
      for (Future<?> f : parsed) f.get();
    } finally {
      pool.shutdownNow();
    }
    writer.commit();
    double seconds = (System.nanoTime() - began) / 1e9;
    return new QueryIndex(records.get(), seconds, size(storeRoot.resolve(bundleId)));
  }

  static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
