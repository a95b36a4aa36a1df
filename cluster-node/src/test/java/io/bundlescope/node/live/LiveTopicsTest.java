package io.bundlescope.node.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.bundlescope.parsers.LogLevel;
import io.bundlescope.protocol.LiveEvent;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A completed bundle's end waits for its final rule check, whose new hits come first; bounded. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveTopicsTest {
  private static final LiveSettings SETTINGS = new LiveSettings(LogLevel.WARN, Duration.ofMillis(200),
      Duration.ofSeconds(1), Duration.ofMinutes(1), 100, 500, 128 * 1024, 100, Duration.ofSeconds(5),
      Duration.ofSeconds(30), Duration.ofSeconds(2));
  private static final LiveEvent.Hit HIT = new LiveEvent.Hit("disk-full", 1, "Disk full", "critical", "10.1.2.10",
      1_796_083_200_000_000L, 1_796_083_200_000_000L, 3, List.of("r1"));

  private final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  void stop() {
    testKit.shutdownTestKit();
  }

  /** A probe following the bundle's topic, once the subscription is known to be in place. */
  private TestProbe<LiveEvent> follow(ActorRef<LiveTopics.Command> topics, String bundleId) {
    TestProbe<LiveEvent> probe = testKit.createTestProbe();
    topics.tell(new LiveTopics.Follow(bundleId, probe.ref()));
    LiveEvent.Progressed ping = new LiveEvent.Progressed(1, 0, 10, 0, 0);
    for (int i = 0; ; i++) {
      topics.tell(new LiveTopics.Publish(bundleId, ping));
      try {
        probe.expectMessage(Duration.ofMillis(300), ping);
        return probe;
      } catch (AssertionError notYet) {
        if (i > 30) throw notYet;
      }
    }
  }

  @Test
  void theEndOfACompletedBundleWaitsForTheFinalCheckWhoseNewHitsComeFirst() {
    ActorRef<LiveTopics.Command> topics = testKit.spawn(LiveTopics.create(SETTINGS));
    TestProbe<LiveEvent> probe = follow(topics, "b1");

    topics.tell(new LiveTopics.RulesChecked("b1", false, List.of(HIT)));
    assertThat(probe.expectMessageClass(LiveEvent.RulesHit.class).isFinal()).isFalse();
    topics.tell(new LiveTopics.RulesChecked("b1", false, List.of()));
    LiveEvent.Ended ended = new LiveEvent.Ended("completed", null);
    topics.tell(new LiveTopics.End("b1", ended));
    probe.expectNoMessage(Duration.ofMillis(500));

    LiveEvent.Hit late = new LiveEvent.Hit("storm", 1, "Storm", "minor", null, 1, 2, 2, List.of("r2"));
    topics.tell(new LiveTopics.RulesChecked("b1", true, List.of(late)));
    LiveEvent.RulesHit last = probe.expectMessageClass(LiveEvent.RulesHit.class);
    assertThat(last.isFinal()).isTrue();
    assertThat(last.hits()).containsExactly(late);
    probe.expectMessage(ended);
  }

  @Test
  void aFinalCheckThatCameFirstLetsTheEndThroughAndAFailedBundleNeverWaits() {
    ActorRef<LiveTopics.Command> topics = testKit.spawn(LiveTopics.create(SETTINGS));
    TestProbe<LiveEvent> probe = follow(topics, "b2");
    topics.tell(new LiveTopics.RulesChecked("b2", true, List.of()));
    LiveEvent.Ended ended = new LiveEvent.Ended("completed", null);
    topics.tell(new LiveTopics.End("b2", ended));
    probe.expectMessage(Duration.ofMillis(500), ended);

    TestProbe<LiveEvent> failedProbe = follow(topics, "b3");
    LiveEvent.Ended failed = new LiveEvent.Ended("failed", "not an archive");
    topics.tell(new LiveTopics.End("b3", failed));
    failedProbe.expectMessage(Duration.ofMillis(500), failed);
  }

  @Test
  void withoutAFinalCheckTheEndGoesOutAfterTheWait() {
    ActorRef<LiveTopics.Command> topics = testKit.spawn(LiveTopics.create(SETTINGS));
    TestProbe<LiveEvent> probe = follow(topics, "b4");
    LiveEvent.Ended ended = new LiveEvent.Ended("completed", null);
    topics.tell(new LiveTopics.End("b4", ended));
    probe.expectNoMessage(Duration.ofMillis(1200));
    probe.expectMessage(Duration.ofSeconds(5), ended);
  }
}
