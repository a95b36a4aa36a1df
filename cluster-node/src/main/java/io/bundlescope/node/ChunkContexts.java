package io.bundlescope.node;

import io.bundlescope.parsers.FileContext;
import io.bundlescope.parsers.bundle.BundleFile;
import io.bundlescope.parsers.bundle.BundleFiles;
import java.time.ZoneId;

/** What the line parser is told about a staged file. */
final class ChunkContexts {
  private ChunkContexts() {}

  static FileContext of(String bundleId, String chunkId, BundleFile file, ZoneId zone) {
    return new FileContext(bundleId, chunkId, file.cvmIp(), file.logicalPath(), file.filename(),
        file.sourceLogFilename(), file.service(), file.glog() == null ? null : file.glog().pid(),
        BundleFiles.yearHint(file), zone, file.dropLevels());
  }
}
