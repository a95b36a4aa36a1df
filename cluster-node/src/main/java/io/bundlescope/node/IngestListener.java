package io.bundlescope.node;

/** Told by a bundle entity how its ingest goes; called on the entity's thread, must not block. */
public interface IngestListener {
  IngestListener NONE = new IngestListener() {
    @Override
    public void chunksJournaled(String bundleId) {}

    @Override
    public void analyzed(String bundleId) {}
  };

  /** Tells {@code first}, then {@code second}. */
  static IngestListener both(IngestListener first, IngestListener second) {
    return new IngestListener() {
      @Override
      public void chunksJournaled(String bundleId) {
        first.chunksJournaled(bundleId);
        second.chunksJournaled(bundleId);
      }

      @Override
      public void analyzed(String bundleId) {
        first.analyzed(bundleId);
        second.analyzed(bundleId);
      }
    };
  }

  /** More chunks are durable in the index (the bundle is still being ingested). */
  void chunksJournaled(String bundleId);

  /** Every chunk is durable: the bundle is complete. */
  void analyzed(String bundleId);
}
