package io.bundlescope.node.live;

import io.bundlescope.parsers.LogRecord;
import io.bundlescope.protocol.LiveEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.pubsub.Topic;

/**
 * The node's bundle topics: one typed pub-sub {@link Topic} per bundle that is parsed here or
 * followed from here (a topic is cluster-wide by name, so a WebSocket on any node receives
 * what the parsing node publishes). Every {@code publish-interval} it publishes what the
 * bundles' {@link LiveTap}s collected, every {@code heatmap-interval} their heatmap counts; at a
 * bundle's end, the rest and then {@link LiveEvent.Ended}. A completed bundle's end waits for
 * its final rule check ({@link RulesChecked} with {@code isFinal}), at most
 * {@code final-check-wait}, so that the final check's new hits reach clients before the end.
 * A topic with neither a tap nor a subscriber here is stopped after {@code topic-idle-timeout}.
 */
public final class LiveTopics extends AbstractBehavior<LiveTopics.Command> {

  public sealed interface Command {}

  /** A bundle starts (or resumes) parsing on this node with this tap. */
  public record Watch(LiveTap tap) implements Command {}

  /** Publish an event about the bundle now (progress). */
  public record Publish(String bundleId, LiveEvent event) implements Command {}

  /** The bundle ended: publish what its tap still holds, then {@code ended}. */
  public record End(String bundleId, LiveEvent.Ended ended) implements Command {}

  /**
   * A rule check of the bundle stored its hits; {@code newHits} are those the previous check did
   * not have. A final check releases the bundle's end if it is held.
   */
  public record RulesChecked(String bundleId, boolean isFinal, List<LiveEvent.Hit> newHits) implements Command {}

  /** {@code subscriber} receives the bundle's events until it stops. */
  public record Follow(String bundleId, ActorRef<LiveEvent> subscriber) implements Command {}

  private record Unfollowed(String bundleId) implements Command {}

  /** The final rule check took longer than final-check-wait: publish the held end anyway. */
  private record EndWaited(String bundleId, LiveEvent.Ended ended) implements Command {}

  private enum PublishTick implements Command { INSTANCE }

  private enum CountsTick implements Command { INSTANCE }

  private static final class Entry {
    final ActorRef<Topic.Command<LiveEvent>> topic;
    LiveTap tap;
    int subscribers;
    /** the end, held until the final rule check is published */
    LiveEvent.Ended heldEnd;
    /** the final rule check of this run was published (reset when parsing starts again) */
    boolean finalChecked;
    long lastUsedNanos = System.nanoTime();

    Entry(ActorRef<Topic.Command<LiveEvent>> topic) {
      this.topic = topic;
    }

    void publish(LiveEvent event) {
      topic.tell(Topic.publish(event));
      lastUsedNanos = System.nanoTime();
    }
  }

  private final LiveSettings settings;
  private final TimerScheduler<Command> timers;
  private final Map<String, Entry> bundles = new HashMap<>();

  public static Behavior<Command> create(LiveSettings settings) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(PublishTick.INSTANCE, settings.publishInterval());
      timers.startTimerWithFixedDelay(CountsTick.INSTANCE, settings.heatmapInterval());
      return new LiveTopics(ctx, timers, settings);
    }));
  }

  /** The cluster-wide name of a bundle's topic. */
  static String topicName(String bundleId) {
    return "bundlescope-live-" + bundleId;
  }

  private LiveTopics(ActorContext<Command> ctx, TimerScheduler<Command> timers, LiveSettings settings) {
    super(ctx);
    this.timers = timers;
    this.settings = settings;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Watch.class, this::onWatch)
        .onMessage(Publish.class, m -> {
          entry(m.bundleId()).publish(m.event());
          return this;
        })
        .onMessage(End.class, this::onEnd)
        .onMessage(RulesChecked.class, this::onRulesChecked)
        .onMessage(EndWaited.class, this::onEndWaited)
        .onMessage(Follow.class, this::onFollow)
        .onMessage(Unfollowed.class, this::onUnfollowed)
        .onMessageEquals(PublishTick.INSTANCE, this::onPublishTick)
        .onMessageEquals(CountsTick.INSTANCE, this::onCountsTick)
        .build();
  }

  private Entry entry(String bundleId) {
    return bundles.computeIfAbsent(bundleId, id ->
        new Entry(getContext().spawnAnonymous(Topic.create(LiveEvent.class, topicName(id)))));
  }

  private Behavior<Command> onWatch(Watch watch) {
    Entry e = entry(watch.tap().bundleId());
    if (e.tap != null && e.tap != watch.tap()) e.tap.close();
    e.tap = watch.tap();
    e.finalChecked = false;
    return this;
  }

  private Behavior<Command> onEnd(End end) {
    Entry e = entry(end.bundleId());
    if (e.tap != null) {
      publishRecords(e);
      publishCounts(e);
      e.tap.close();
      e.tap = null;
    }
    boolean awaitRules = "completed".equals(end.ended().status()) && !e.finalChecked
        && settings.finalCheckWait().compareTo(Duration.ZERO) > 0;
    if (awaitRules) {
      e.heldEnd = end.ended();
      timers.startSingleTimer(endTimerKey(end.bundleId()), new EndWaited(end.bundleId(), end.ended()),
          settings.finalCheckWait());
    } else {
      e.publish(end.ended());
    }
    return this;
  }

  private Behavior<Command> onRulesChecked(RulesChecked checked) {
    Entry e = entry(checked.bundleId());
    if (!checked.newHits().isEmpty()) e.publish(new LiveEvent.RulesHit(checked.isFinal(), checked.newHits()));
    if (checked.isFinal()) {
      e.finalChecked = true;
      releaseEnd(checked.bundleId(), e);
    }
    return this;
  }

  private Behavior<Command> onEndWaited(EndWaited waited) {
    Entry e = bundles.get(waited.bundleId());
    if (e != null && e.heldEnd != null) {
      getContext().getLog().warn("bundle {}: no final rule check within {}; its live stream ends without it",
          waited.bundleId(), settings.finalCheckWait());
      releaseEnd(waited.bundleId(), e);
    }
    return this;
  }

  private void releaseEnd(String bundleId, Entry e) {
    if (e.heldEnd == null) return;
    timers.cancel(endTimerKey(bundleId));
    e.publish(e.heldEnd);
    e.heldEnd = null;
  }

  private static String endTimerKey(String bundleId) {
    return "end-" + bundleId;
  }

  private Behavior<Command> onFollow(Follow follow) {
    Entry e = entry(follow.bundleId());
    e.topic.tell(Topic.subscribe(follow.subscriber()));
    e.subscribers++;
    getContext().watchWith(follow.subscriber(), new Unfollowed(follow.bundleId()));
    return this;
  }

  private Behavior<Command> onUnfollowed(Unfollowed gone) {
    Entry e = bundles.get(gone.bundleId());
    if (e != null) {
      e.subscribers--;
      e.lastUsedNanos = System.nanoTime();
    }
    return this;
  }

  private Behavior<Command> onPublishTick() {
    bundles.values().stream().filter(e -> e.tap != null).forEach(this::publishRecords);
    return this;
  }

  private Behavior<Command> onCountsTick() {
    bundles.values().stream().filter(e -> e.tap != null).forEach(this::publishCounts);
    stopIdleTopics();
    return this;
  }

  /** The tap's records in messages of at most batch-records records and about batch-bytes, then its drops. */
  private void publishRecords(Entry e) {
    List<LogRecord> batch = new ArrayList<>();
    long bytes = 0;
    for (LogRecord r : e.tap.takeRecords()) {
      long size = approximateBytes(r);
      if (!batch.isEmpty() && (batch.size() >= settings.batchRecords() || bytes + size > settings.batchBytes())) {
        e.publish(new LiveEvent.RecordsParsed(batch));
        batch = new ArrayList<>();
        bytes = 0;
      }
      batch.add(r);
      bytes += size;
    }
    if (!batch.isEmpty()) e.publish(new LiveEvent.RecordsParsed(batch));
    Map<String, Long> dropped = e.tap.takeDropped();
    if (!dropped.isEmpty()) e.publish(new LiveEvent.RecordsDropped(dropped));
  }

  private void publishCounts(Entry e) {
    HeatCounts counts = e.tap.takeCounts();
    if (!counts.isEmpty()) e.publish(counts.toEvent());
  }

  /** Serialized size, roughly: the text fields plus a fixed overhead for the rest. */
  private static long approximateBytes(LogRecord r) {
    return 200L + r.message().length() + r.filepath().length() + r.timeText().length();
  }

  private void stopIdleTopics() {
    long idleNanos = settings.topicIdleTimeout().toNanos();
    for (Iterator<Entry> it = bundles.values().iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (e.tap == null && e.heldEnd == null && e.subscribers <= 0 && System.nanoTime() - e.lastUsedNanos > idleNanos) {
        getContext().stop(e.topic);
        it.remove();
      }
    }
  }
}
