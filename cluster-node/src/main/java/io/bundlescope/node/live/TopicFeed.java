package io.bundlescope.node.live;

import io.bundlescope.http.LiveFeed;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.protocol.LiveEvent;
import java.util.Optional;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.typed.javadsl.ActorSource;

/**
 * {@link LiveFeed} over the bundle topics: each follower is an actor-backed source subscribed
 * to the bundle's topic on this node, holding at most {@code client-buffer} events; past that
 * the source fails (the route then drops the client) and the topic forgets it when it stops.
 */
public record TopicFeed(ActorRef<LiveTopics.Command> topics, LiveSettings settings) implements LiveFeed {

  @Override
  public Source<LiveEvent, NotUsed> follow(String bundleId) {
    return ActorSource.<LiveEvent>actorRef(e -> false, e -> Optional.empty(), settings.clientBuffer(),
            OverflowStrategy.fail())
        .mapMaterializedValue(subscriber -> {
          topics.tell(new LiveTopics.Follow(bundleId, subscriber));
          return NotUsed.getInstance();
        });
  }

  @Override
  public LogLevel floor() {
    return settings.floor();
  }
}
