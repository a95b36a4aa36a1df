package io.bundlescope.node;

import io.bundlescope.store.BundleRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analyzes every bundle that lands in the inbox folder, exactly once, also across restarts.
 * An entry is complete when it was atomically renamed in (temporary names such as
 * {@code .x}, {@code *.part}, {@code *.tmp} are ignored) and its size and modification time
 * stayed the same over two scans. Each version of an entry (path, size, modification time) is
 * claimed in PostgreSQL with a bundle id reserved up front, then submitted under that id: a
 * crash between the two resubmits the same id, never a second bundle. A file dropped again
 * under the same name with other content is a new version, hence a new bundle.
 */
public final class InboxWatcher {
  private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);
  private static final List<String> PARTIAL_SUFFIXES = List.of(".part", ".partial", ".tmp", ".crdownload", ".filepart");

  sealed interface Command {}

  private enum Scan implements Command { INSTANCE }

  /** A submission ended; {@code handled} is the version now analyzed or being analyzed, or null. */
  private record Done(Path path, Snapshot handled) implements Command {}

  private record Snapshot(long size, Instant mtime) {}

  private InboxWatcher() {}

  public static Behavior<Command> create(Path inbox, Duration interval, BundleSubmissions submissions,
      BundleRepository repo, Executor blocking) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(Scan.INSTANCE, interval);
      Map<Path, Snapshot> previous = new HashMap<>();
      Map<Path, Snapshot> handled = new HashMap<>();
      Set<Path> inFlight = new HashSet<>();
      return Behaviors.receive(Command.class)
          .onMessage(Scan.class, s -> {
            scan(ctx, inbox, previous, handled, inFlight, submissions, repo, blocking);
            return Behaviors.same();
          })
          .onMessage(Done.class, d -> {
            inFlight.remove(d.path());
            if (d.handled() != null) handled.put(d.path(), d.handled());
            return Behaviors.same();
          })
          .build();
    }));
  }

  private static void scan(ActorContext<Command> ctx, Path inbox, Map<Path, Snapshot> previous,
      Map<Path, Snapshot> handled, Set<Path> inFlight, BundleSubmissions submissions, BundleRepository repo, Executor blocking) {
    Map<Path, Snapshot> current = new HashMap<>();
    try (Stream<Path> entries = Files.list(inbox)) {
      entries.filter(InboxWatcher::isCandidate).forEach(p -> snapshot(p).ifPresent(s -> current.put(p, s)));
    } catch (IOException e) {
      ctx.getLog().warn("cannot list inbox {}: {}", inbox, e.getMessage());
      return;
    }
    current.forEach((path, snap) -> {
      boolean stable = snap.equals(previous.get(path)) && !snap.equals(handled.get(path));
      if (stable && inFlight.add(path)) {
        ctx.pipeToSelf(CompletableFuture.supplyAsync(() -> claim(repo, path, snap), blocking)
            .thenCompose(id -> submissions.analyzeAs(path.toString(), id))
            .thenAccept(accepted -> log.info("inbox: {} is bundle {}", path, accepted.logBundleId())),
            (ok, failure) -> {
              if (failure == null) return new Done(path, snap);
              ctx.getLog().warn("inbox: cannot submit {}: {}", path, failure.getMessage());
              return new Done(path, null);
            });
      }
    });
    previous.clear();
    previous.putAll(current);
    handled.keySet().retainAll(current.keySet());
  }

  /** The bundle id this version of the entry is claimed for: an earlier claim's, or a new one. */
  private static String claim(BundleRepository repo, Path path, Snapshot snap) {
    String key = path.toString();
    return repo.inboxClaim(key, snap.size(), snap.mtime()).orElseGet(() -> {
      String id = BundleSubmissions.newId();
      return repo.claimInbox(key, snap.size(), snap.mtime(), id)
          ? id : repo.inboxClaim(key, snap.size(), snap.mtime()).orElseThrow();
    });
  }

  private static boolean isCandidate(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return !name.startsWith(".") && PARTIAL_SUFFIXES.stream().noneMatch(name::endsWith);
  }

  /** Size and newest modification time of a file or a whole folder. */
  private static Optional<Snapshot> snapshot(Path p) {
    try (Stream<Path> walk = Files.walk(p)) {
      long[] size = {0};
      Instant[] newest = {Instant.EPOCH};
      walk.forEach(f -> {
        try {
          BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
          if (a.isRegularFile()) size[0] += a.size();
          Instant m = a.lastModifiedTime().toInstant();
          if (m.isAfter(newest[0])) newest[0] = m;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return Optional.of(new Snapshot(size[0], newest[0]));
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }
}
