package io.bundlescope.node;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The node's parse slots: at most {@code capacity} chunks are parsed at once on this node, and
 * free slots are shared fairly among the bundles that want them (see {@link #grant()}), so a
 * small bundle is never stuck behind a big one. A bundle asks for as many slots as it has chunks; it gets one
 * {@link Granted} per slot and gives each back with {@link Release}.
 */
public final class IngestSlots extends AbstractBehavior<IngestSlots.Command> {

  public sealed interface Command {}

  /**
   * {@code bundle} wants {@code slots} more slots, granted to {@code replyTo}; when
   * {@code owner} stops, the slots it held come back.
   */
  public record Want(String bundle, int slots, ActorRef<Granted> replyTo, ActorRef<?> owner) implements Command {}

  /** Gives a granted slot back. */
  public record Release(String bundle) implements Command {}

  public record Granted(String bundle) {}

  /** The bundle's entity stopped: whatever it held comes back. */
  private record Stopped(String bundle) implements Command {}

  private record Waiter(ActorRef<Granted> replyTo, ActorRef<?> owner, int wanted, int held) {}

  private final int capacity;
  private int inUse;
  private final Map<String, Waiter> bundles = new HashMap<>();
  private final ArrayDeque<String> turn = new ArrayDeque<>();

  public static Behavior<Command> create(int capacity) {
    return Behaviors.setup(ctx -> new IngestSlots(ctx, capacity));
  }

  private IngestSlots(ActorContext<Command> ctx, int capacity) {
    super(ctx);
    this.capacity = capacity;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Want.class, this::onWant)
        .onMessage(Release.class, this::onRelease)
        .onMessage(Stopped.class, this::onStopped)
        .build();
  }

  private Behavior<Command> onWant(Want want) {
    Waiter w = bundles.get(want.bundle());
    if (w == null) {
      getContext().watchWith(want.owner(), new Stopped(want.bundle()));
      bundles.put(want.bundle(), new Waiter(want.replyTo(), want.owner(), want.slots(), 0));
      turn.addLast(want.bundle());
    } else {
      bundles.put(want.bundle(), new Waiter(want.replyTo(), w.owner(), w.wanted() + want.slots(), w.held()));
    }
    grant();
    return this;
  }

  private Behavior<Command> onRelease(Release release) {
    Waiter w = bundles.get(release.bundle());
    if (w != null && w.held() > 0) {
      inUse--;
      w = new Waiter(w.replyTo(), w.owner(), w.wanted(), w.held() - 1);
      if (w.wanted() == 0 && w.held() == 0) {
        bundles.remove(release.bundle());
        turn.remove(release.bundle());
        getContext().unwatch(w.owner());
      } else {
        bundles.put(release.bundle(), w);
      }
    }
    grant();
    return this;
  }

  private Behavior<Command> onStopped(Stopped stopped) {
    String bundle = stopped.bundle();
    Waiter w = bundles.remove(bundle);
    if (w != null) {
      inUse -= w.held();
      turn.remove(bundle);
    }
    grant();
    return this;
  }

  /**
   * Max-min fairness: each free slot goes to the wanting bundle that holds the fewest, the one
   * served longest ago on ties. A bundle that arrives while a big one holds every slot gets the
   * very next free slot.
   */
  private void grant() {
    while (inUse < capacity) {
      String next = null;
      Waiter chosen = null;
      for (String bundle : turn) {
        Waiter w = bundles.get(bundle);
        if (w.wanted() > 0 && (chosen == null || w.held() < chosen.held())) {
          next = bundle;
          chosen = w;
        }
      }
      if (next == null) return;
      turn.remove(next);
      turn.addLast(next);
      bundles.put(next, new Waiter(chosen.replyTo(), chosen.owner(), chosen.wanted() - 1, chosen.held() + 1));
      inUse++;
      chosen.replyTo().tell(new Granted(next));
    }
  }
}
