package io.bundlescope.node;

import io.bundlescope.http.BundleGateway;
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
 * stayed the same over two scans. The claim in PostgreSQL is taken after submitting; since a
 * path always maps to the same bundle id, a crash between the two cannot analyze it twice.
 */
public final class InboxWatcher {
  private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);
  private static final List<String> PARTIAL_SUFFIXES = List.of(".part", ".partial", ".tmp", ".crdownload", ".filepart");

  sealed interface Command {}

  private enum Scan implements Command { INSTANCE }

  private record Done(Path path) implements Command {}

  private record Snapshot(long size, Instant mtime) {}

  private InboxWatcher() {}

  public static Behavior<Command> create(Path inbox, Duration interval, BundleGateway gateway,
      BundleRepository repo, Executor blocking) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(Scan.INSTANCE, interval);
      Map<Path, Snapshot> previous = new HashMap<>();
      Set<Path> inFlight = new HashSet<>();
      return Behaviors.receive(Command.class)
          .onMessage(Scan.class, s -> {
            scan(ctx, inbox, previous, inFlight, gateway, repo, blocking);
            return Behaviors.same();
          })
          .onMessage(Done.class, d -> {
            inFlight.remove(d.path());
            return Behaviors.same();
          })
          .build();
    }));
  }

  private static void scan(ActorContext<Command> ctx, Path inbox, Map<Path, Snapshot> previous,
      Set<Path> inFlight, BundleGateway gateway, BundleRepository repo, Executor blocking) {
    Map<Path, Snapshot> current = new HashMap<>();
    try (Stream<Path> entries = Files.list(inbox)) {
      entries.filter(InboxWatcher::isCandidate).forEach(p -> snapshot(p).ifPresent(s -> current.put(p, s)));
    } catch (IOException e) {
      ctx.getLog().warn("cannot list inbox {}: {}", inbox, e.getMessage());
      return;
    }
    current.forEach((path, snap) -> {
      if (snap.equals(previous.get(path)) && inFlight.add(path)) {
        ctx.pipeToSelf(CompletableFuture.supplyAsync(() -> repo.inboxClaim(path.toString()).isPresent(), blocking)
            .thenCompose(claimed -> claimed ? CompletableFuture.completedFuture(null)
                : gateway.analyze(path.toString(), false).thenAcceptAsync(accepted -> {
                  repo.claimInbox(path.toString(), snap.size(), snap.mtime(), accepted.logBundleId());
                  log.info("inbox: {} submitted as bundle {}", path, accepted.logBundleId());
                }, blocking)), (ok, failure) -> {
              if (failure != null) ctx.getLog().warn("inbox: cannot submit {}: {}", path, failure.getMessage());
              return new Done(path);
            });
      }
    });
    previous.clear();
    previous.putAll(current);
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
