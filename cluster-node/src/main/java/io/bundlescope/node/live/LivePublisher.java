package io.bundlescope.node.live;

import io.bundlescope.protocol.LiveEvent;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/** A bundle entity's side of the live stream: a tap for its parsers, then its progress and end. */
public record LivePublisher(ActorRef<LiveTopics.Command> topics, LiveSettings settings) {

  /** A new tap for the bundle's parsers, published from now on (a previous one is closed). */
  public LiveTap open(String bundleId) {
    LiveTap tap = new LiveTap(bundleId, settings);
    topics.tell(new LiveTopics.Watch(tap));
    return tap;
  }

  public void progressed(String bundleId, LiveEvent.Progressed progress) {
    topics.tell(new LiveTopics.Publish(bundleId, progress));
  }

  /**
   * A rule check stored its hits; {@code newHits}: those the previous check of the bundle did not
   * have. After the final check the bundle's end (held for it) is published.
   */
  public void rulesChecked(String bundleId, boolean isFinal, List<LiveEvent.Hit> newHits) {
    topics.tell(new LiveTopics.RulesChecked(bundleId, isFinal, newHits));
  }

  /**
   * Publishes what the tap still holds, then the end; a completed bundle's end waits for its
   * final rule check ({@link #rulesChecked}), at most {@code final-check-wait}.
   */
  public void ended(String bundleId, String status, String errorMsg) {
    topics.tell(new LiveTopics.End(bundleId, new LiveEvent.Ended(status, errorMsg)));
  }
}
