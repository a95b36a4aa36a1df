package io.bundlescope.http;

import io.bundlescope.parsers.LogLevel;
import io.bundlescope.protocol.LiveEvent;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

/**
 * What the HTTP layer needs to follow a bundle's ingest live; the node implements it with a
 * per-bundle pub-sub topic, so any node can serve any bundle, wherever it is parsed.
 */
public interface LiveFeed {

  /**
   * The bundle's live events from the moment of subscribing; it never completes by itself (the
   * consumer stops after {@link LiveEvent.Ended}). It fails with
   * {@link org.apache.pekko.stream.BufferOverflowException} when its consumer falls too far behind.
   */
  Source<LiveEvent, NotUsed> follow(String bundleId);

  /** The lowest level published; a stream cannot ask for less severe records. */
  LogLevel floor();
}
