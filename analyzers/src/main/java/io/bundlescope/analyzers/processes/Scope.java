package io.bundlescope.analyzers.processes;

import io.bundlescope.index.LogQuery;
import io.bundlescope.parsers.LogLevel;
import java.util.List;
import java.util.Set;

/**
 * The exact filters of one bundle that runs and health are computed over: a node (null: every
 * node), a service (null: every service), a pid (null: every pid), levels (empty: all).
 */
public record Scope(String bundleId, String cvmIp, String service, Long pid, Set<LogLevel> levels) {

  public static Scope bundle(String bundleId) {
    return new Scope(bundleId, null, null, null, Set.of());
  }

  public Scope node(String ip) {
    return new Scope(bundleId, ip, service, pid, levels);
  }

  public Scope service(String name) {
    return new Scope(bundleId, cvmIp, name, pid, levels);
  }

  public Scope pid(Long p) {
    return new Scope(bundleId, cvmIp, service, p, levels);
  }

  public Scope levels(Set<LogLevel> only) {
    return new Scope(bundleId, cvmIp, service, pid, only);
  }

  /** A query of these filters: at most {@code limit} records, optionally with a text query and a time range. */
  public LogQuery query(int limit, boolean descending, String text, Long startMicros, Long endMicros) {
    return new LogQuery(List.of(bundleId), service == null ? Set.of() : Set.of(service),
        cvmIp == null ? Set.of() : Set.of(cvmIp), levels, Set.of(), pid == null ? Set.of() : Set.of(pid),
        startMicros, endMicros, text, limit, null, descending);
  }

  /** Every record of these filters. */
  public LogQuery query() {
    return query(100, false, null, null, null);
  }
}
