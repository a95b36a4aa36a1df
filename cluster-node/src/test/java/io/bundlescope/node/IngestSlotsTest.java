package io.bundlescope.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestSlotsTest {
  private static final Duration QUIET = Duration.ofMillis(200);
  private ActorTestKit testKit;

  @BeforeAll
  void start() {
    testKit = ActorTestKit.create();
  }

  @AfterAll
  void stop() {
    testKit.shutdownTestKit();
  }

  @Test
  void neverGrantsMoreThanCapacity() {
    ActorRef<IngestSlots.Command> slots = testKit.spawn(IngestSlots.create(2));
    TestProbe<IngestSlots.Granted> big = testKit.createTestProbe();

    slots.tell(new IngestSlots.Want("big", 10, big.getRef(), big.getRef()));

    big.expectMessage(new IngestSlots.Granted("big"));
    big.expectMessage(new IngestSlots.Granted("big"));
    big.expectNoMessage(QUIET);
    slots.tell(new IngestSlots.Release("big"));
    big.expectMessage(new IngestSlots.Granted("big"));
  }

  @Test
  void aBundleArrivingWhileAnotherHoldsEverySlotGetsTheNextFreeOneThenTheyShareEvenly() {
    ActorRef<IngestSlots.Command> slots = testKit.spawn(IngestSlots.create(2));
    TestProbe<IngestSlots.Granted> big = testKit.createTestProbe();
    TestProbe<IngestSlots.Granted> small = testKit.createTestProbe();
    slots.tell(new IngestSlots.Want("big", 100, big.getRef(), big.getRef()));
    big.receiveSeveralMessages(2);

    slots.tell(new IngestSlots.Want("small", 2, small.getRef(), small.getRef()));
    small.expectNoMessage(QUIET);
    slots.tell(new IngestSlots.Release("big"));

    small.expectMessage(new IngestSlots.Granted("small"));
    slots.tell(new IngestSlots.Release("big"));
    big.expectMessage(new IngestSlots.Granted("big"));
    slots.tell(new IngestSlots.Release("small"));
    small.expectMessage(new IngestSlots.Granted("small"));
    big.expectNoMessage(QUIET);
  }

  @Test
  void slotsHeldByAStoppedBundleComeBack() {
    ActorRef<IngestSlots.Command> slots = testKit.spawn(IngestSlots.create(1));
    TestProbe<IngestSlots.Granted> dying = testKit.createTestProbe();
    TestProbe<IngestSlots.Granted> other = testKit.createTestProbe();
    slots.tell(new IngestSlots.Want("dying", 5, dying.getRef(), dying.getRef()));
    dying.expectMessage(new IngestSlots.Granted("dying"));
    slots.tell(new IngestSlots.Want("other", 1, other.getRef(), other.getRef()));
    other.expectNoMessage(QUIET);

    dying.stop();

    other.expectMessage(new IngestSlots.Granted("other"));
  }
}
