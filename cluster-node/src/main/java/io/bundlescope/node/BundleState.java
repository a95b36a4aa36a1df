package io.bundlescope.node;

import io.bundlescope.protocol.ChunkResult;
import io.bundlescope.protocol.ChunkSpec;
import io.bundlescope.protocol.IngestPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A bundle's lifecycle, one immutable type per stage, rebuilt from the journal. */
sealed interface BundleState {

  String status();

  /** Nothing submitted yet. */
  record Empty() implements BundleState {
    public String status() {
      return "queued";
    }
  }

  /** Submitted; the bundle is being staged and split into chunks. */
  record Staging(String path, Instant submittedAt, IngestPolicy policy) implements BundleState {
    public String status() {
      return "inprogress";
    }
  }

  /**
   * Planned; chunks are parsed in parallel, {@code done} holds the committed ones, in the index
   * of {@code indexHost} (null in journals written before it was recorded: the local node);
   * every chunk is parsed under {@code policy}, the one submitted with the bundle.
   */
  record Ingesting(String path, Instant submittedAt, String bundleType, List<ChunkSpec> chunks,
      Map<String, ChunkResult> done, List<String> warnings, String indexHost, IngestPolicy policy)
      implements BundleState {
    public String status() {
      return "inprogress";
    }

    Ingesting with(List<ChunkResult> results) {
      Map<String, ChunkResult> next = new HashMap<>(done);
      results.forEach(r -> next.put(r.chunkId(), r));
      return new Ingesting(path, submittedAt, bundleType, chunks, Map.copyOf(next), warnings, indexHost, policy);
    }

    /** The index starts from nothing on {@code host}: no chunk counts as done. */
    Ingesting indexedOn(String host) {
      return new Ingesting(path, submittedAt, bundleType, chunks, Map.of(), warnings, host, policy);
    }

    boolean complete() {
      return done.size() == chunks.size();
    }

    long bytesDone() {
      return chunks.stream().filter(c -> done.containsKey(c.chunkId())).mapToLong(ChunkSpec::bytes).sum();
    }

    long bytesTotal() {
      return chunks.stream().mapToLong(ChunkSpec::bytes).sum();
    }

    /** Records indexed. */
    long records() {
      return done.values().stream().mapToLong(ChunkResult::records).sum();
    }

    /** Records counted, not indexed (policy count). */
    long counted() {
      return done.values().stream().mapToLong(ChunkResult::counted).sum();
    }

    /** Records dropped (policy drop). */
    long dropped() {
      return done.values().stream().mapToLong(ChunkResult::dropped).sum();
    }

    List<String> allWarnings() {
      List<String> all = new ArrayList<>(warnings);
      done.values().forEach(r -> all.addAll(r.warnings()));
      return all;
    }
  }

  /** Every chunk is indexed. */
  record Analyzed(Ingesting ingest, Instant endedAt) implements BundleState {
    public String status() {
      return "completed";
    }
  }

  /** The bundle could not be ingested (unreadable, not an archive, empty...). */
  record Failed(String path, String errorMsg, Instant endedAt) implements BundleState {
    public String status() {
      return "failed";
    }
  }
}
