package io.bundlescope.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;

/** What happened to a bundle, as stored in the journal. Never edit a shape: migrate. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
@JsonSubTypes({
  @JsonSubTypes.Type(value = BundleEvent.BundleSubmitted.class, name = "submitted"),
  @JsonSubTypes.Type(value = BundleEvent.BundlePlanned.class, name = "planned"),
  @JsonSubTypes.Type(value = BundleEvent.ChunksIndexed.class, name = "chunks-indexed"),
  @JsonSubTypes.Type(value = BundleEvent.BundleAnalyzed.class, name = "analyzed"),
  @JsonSubTypes.Type(value = BundleEvent.BundleFailed.class, name = "failed"),
  @JsonSubTypes.Type(value = BundleEvent.IndexStarted.class, name = "index-started")
})
public interface BundleEvent extends CborSerializable {

  /**
   * @param policy what ingest does with INFO and DEBUG records; absent (null) in events journaled
   *     before ingest policies, which means every record is indexed
   */
  record BundleSubmitted(String path, Instant at, IngestPolicy policy) implements BundleEvent {
    public BundleSubmitted(String path, Instant at) {
      this(path, at, null);
    }

    /** The policy to apply: the recorded one, or index everything. */
    public IngestPolicy effectivePolicy() {
      return policy != null ? policy : IngestPolicy.INDEX_ALL;
    }
  }

  /** The bundle was staged and split into chunks; warnings concern the bundle as a whole. */
  record BundlePlanned(String bundleType, List<ChunkSpec> chunks, List<String> warnings, Instant at)
      implements BundleEvent {}

  /** These chunks' records are committed to the index. */
  record ChunksIndexed(List<ChunkResult> results) implements BundleEvent {}

  record BundleAnalyzed(Instant at) implements BundleEvent {}

  record BundleFailed(String errorMsg, Instant at) implements BundleEvent {}

  /**
   * The bundle's index is built from nothing on {@code host} (its HTTP {@code host:port}):
   * chunks journaled before count no more. Persisted when ingest is planned, and when the
   * bundle moves to another node (its old node was lost, or lost its index).
   */
  record IndexStarted(String host, Instant at) implements BundleEvent {}
}
