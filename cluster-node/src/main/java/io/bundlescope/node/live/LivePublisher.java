package io.bundlescope.node.live;

import io.bundlescope.protocol.LiveEvent;
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

  /** Publishes what the tap still holds, then the end. */
  public void ended(String bundleId, String status, String errorMsg) {
    topics.tell(new LiveTopics.End(bundleId, new LiveEvent.Ended(status, errorMsg)));
  }
}
