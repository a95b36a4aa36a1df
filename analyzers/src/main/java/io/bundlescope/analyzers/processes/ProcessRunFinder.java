package io.bundlescope.analyzers.processes;

import io.bundlescope.index.Bucket;
import io.bundlescope.index.GroupField;
import io.bundlescope.index.LogStore;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import io.bundlescope.parsers.bundle.FileNames;
import io.bundlescope.parsers.bundle.GlogName;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The process runs of a bundle's services, per node, read from the index with a handful of
 * queries per (node, service, pid): an aggregation by pid, the first and last record, the last
 * FATAL, the file names, a shutdown-line search near the end.
 *
 * <p>Which pids are runs, per (node, service):
 * <ol>
 *   <li>pids written in glog file names ({@code <prog>.<host>.<user>.log.<SEV>.<stamp>.<pid>}):
 *       one file (and its rotations) is one process run, so each such pid is a run; the
 *       service's records without such a pid (its {@code .out} file) are left out of the runs;
 *   <li>else pids read from the lines, when they follow one another in time (each pid's last
 *       record no later than the next pid's first): a single-process service that restarted;
 *   <li>else (no pid, or pids interleaving as in syslog's {@code messages}, where every line is
 *       another program) the whole (node, service) is one run with no pid. Start-up lines are not
 *       used to split it: no start-up pattern is common enough across services to trust.
 * </ol>
 *
 * <p>How a run ended, first match wins: {@code fatal} (its last FATAL record is within {@link
 * RunSettings#fatalNearEndMicros} of its end), {@code clean} (a shutdown line within {@link
 * RunSettings#cleanNearEndMicros}), {@code restarted} (a later run of the service started on the
 * node), {@code running} (its last run).
 *
 * <p>Records without a node IP are included only in a bundle that has no node IPs at all (then
 * they form the single node {@code null}); in a bundle with IPs they are left out.
 */
public final class ProcessRunFinder {
  private final LogStore store;
  private final RunSettings settings;

  public ProcessRunFinder(LogStore store, RunSettings settings) {
    this.store = store;
    this.settings = settings;
  }

  public ProcessRunFinder(LogStore store) {
    this(store, RunSettings.defaults());
  }

  /** The runs of the bundle; empty filters mean every node and every service. */
  public ProcessRuns find(String bundleId, Set<String> cvmIps, Set<String> services) {
    Scope bundle = Scope.bundle(bundleId);
    List<String> nodes = new ArrayList<>(keys(bundle, GroupField.CVM_IP));
    if (nodes.isEmpty() && store.count(bundle.query()) > 0) nodes.add(null);
    List<ProcessRun> runs = new ArrayList<>();
    List<ServiceRestarts> restarts = new ArrayList<>();
    for (String node : nodes) {
      if (!cvmIps.isEmpty() && !cvmIps.contains(node)) continue;
      Scope onNode = bundle.node(node);
      for (String service : keys(onNode, GroupField.SERVICE)) {
        if (!services.isEmpty() && !services.contains(service)) continue;
        List<ProcessRun> found = runsOf(onNode.service(service));
        runs.addAll(found);
        int fatal = (int) found.stream().filter(r -> r.ended() == Ending.FATAL).count();
        restarts.add(new ServiceRestarts(node, service, found.size(), Math.max(0, found.size() - 1), fatal));
      }
    }
    return new ProcessRuns(List.copyOf(runs), List.copyOf(restarts));
  }

  /** A pid's first and last record, their count and what its file names say. */
  private record Span(Long pid, LogRecord first, LogRecord last, long records, boolean pidFromName,
      Long nameStartMicros) {}

  private List<ProcessRun> runsOf(Scope service) {
    List<Span> spans = new ArrayList<>();
    for (Bucket b : store.aggregate(service.query(), GroupField.PID)) {
      spans.add(span(service.pid(Long.valueOf(b.key())), b.count()));
    }
    spans.removeIf(s -> s.first() == null);
    spans.sort(Comparator.comparingLong((Span s) -> s.first().timeMicros()).thenComparing(s -> s.first().id()));
    List<Span> named = spans.stream().filter(Span::pidFromName).toList();
    List<Span> chosen;
    if (!named.isEmpty()) chosen = named;
    else if (!spans.isEmpty() && sequential(spans)) chosen = spans;
    else chosen = whole(service).map(List::of).orElse(List.of());

    List<ProcessRun> runs = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      Span s = chosen.get(i);
      Scope run = s.pid() == null ? service : service.pid(s.pid());
      long end = s.last().timeMicros();
      long start = s.first().timeMicros();
      if (s.nameStartMicros() != null && s.nameStartMicros() <= start
          && start - s.nameStartMicros() <= settings.nameStartLeadMicros()) {
        start = s.nameStartMicros();
      }
      Ending ended;
      String endId;
      Optional<LogRecord> fatal = one(run.levels(Set.of(LogLevel.FATAL)), true, null, null, null);
      Optional<LogRecord> clean = Optional.empty();
      if (fatal.isPresent() && end - fatal.get().timeMicros() <= settings.fatalNearEndMicros()) {
        ended = Ending.FATAL;
        endId = fatal.get().id();
      } else if ((clean = one(run, true, settings.cleanQuery(), end - settings.cleanNearEndMicros(), end + 1))
          .isPresent()) {
        ended = Ending.CLEAN;
        endId = clean.get().id();
      } else if (i < chosen.size() - 1) {
        ended = Ending.RESTARTED;
        endId = s.last().id();
      } else {
        ended = Ending.RUNNING;
        endId = null;
      }
      runs.add(new ProcessRun(service.cvmIp(), service.service(), s.pid(), start, end, s.records(), ended, endId,
          s.first().id()));
    }
    return runs;
  }

  private Span span(Scope pid, long count) {
    LogRecord first = one(pid, false, null, null, null).orElse(null);
    LogRecord last = one(pid, true, null, null, null).orElse(null);
    boolean fromName = false;
    Long nameStart = null;
    for (Bucket file : store.aggregate(pid.query(), GroupField.FILENAME)) {
      GlogName glog = FileNames.glog(file.key());
      if (glog == null || !pid.pid().equals(glog.pid())) continue;
      fromName = true;
      LocalDateTime started = glog.started();
      if (started != null) {
        long micros = started.toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
        if (nameStart == null || micros < nameStart) nameStart = micros;
      }
    }
    return new Span(pid.pid(), first, last, count, fromName, nameStart);
  }

  /** The whole (node, service) as one run without a pid. */
  private Optional<Span> whole(Scope service) {
    Optional<LogRecord> first = one(service, false, null, null, null);
    return first.map(f -> new Span(null, f, one(service, true, null, null, null).orElseThrow(),
        store.count(service.query()), false, null));
  }

  /** Whether each pid's records end before the next pid's begin (spans sorted by first record). */
  private static boolean sequential(List<Span> spans) {
    for (int i = 1; i < spans.size(); i++) {
      if (spans.get(i - 1).last().timeMicros() > spans.get(i).first().timeMicros()) return false;
    }
    return true;
  }

  private Optional<LogRecord> one(Scope scope, boolean last, String text, Long start, Long end) {
    return store.search(scope.query(1, last, text, start, end)).records().stream().findFirst();
  }

  private List<String> keys(Scope scope, GroupField field) {
    return store.aggregate(scope.query(), field).stream().map(Bucket::key).sorted().toList();
  }
}
