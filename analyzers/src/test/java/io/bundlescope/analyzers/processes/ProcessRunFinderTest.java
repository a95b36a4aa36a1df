package io.bundlescope.analyzers.processes;

import static io.bundlescope.analyzers.IndexedBundle.S;
import static io.bundlescope.analyzers.IndexedBundle.T0;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.bundlescope.analyzers.IndexedBundle;
import io.bundlescope.index.lucene.LuceneLogStore;
import io.bundlescope.parsers.LogLevel;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Process runs found in a real Lucene index of records written as the parsers would. */
class ProcessRunFinderTest {
  private static final String BUNDLE = "b1";
  private static final String A = "10.0.0.1";
  private static final String B = "10.0.0.2";

  @TempDir Path dir;
  private IndexedBundle bundle;
  private LuceneLogStore store;

  @BeforeEach
  void open() {
    bundle = new IndexedBundle(dir, BUNDLE);
    store = bundle.store;
  }

  @AfterEach
  void close() throws Exception {
    bundle.close();
  }

  /** A glog record: the pid and start stamp are in the file name, as the parsers keep them. */
  private String glog(long second, String node, String service, long pid, String stamp, LogLevel level, String msg) {
    String filename = service + ".ntnx-" + node.replace('.', '-') + "-a-cvm.nutanix.log.INFO." + stamp + "." + pid;
    return add(second, node, service, filename, pid, level, msg);
  }

  private String add(long second, String node, String service, String filename, Long pid, LogLevel level,
      String msg) {
    return bundle.add(second, node, service, filename, pid, level, msg);
  }

  private ProcessRuns find(Set<String> nodes, Set<String> services) {
    bundle.commit();
    return new ProcessRunFinder(store).find(BUNDLE, nodes, services);
  }

  @Test
  void twoGlogPidsOfAServiceAreTwoRunsTheFirstEndedByItsFatal() {
    String first = glog(10, A, "stargate", 100, "20251130-000005", LogLevel.INFO, "Stargate starting");
    glog(20, A, "stargate", 100, "20251130-000005", LogLevel.WARN, "slow disk");
    String fatal = glog(30, A, "stargate", 100, "20251130-000005", LogLevel.FATAL, "Check failed: ok == true");
    glog(31, A, "stargate", 100, "20251130-000005", LogLevel.INFO, "thread 7 still flushing");
    String second = glog(40, A, "stargate", 200, "20251130-000040", LogLevel.INFO, "Stargate starting");
    glog(90, A, "stargate", 200, "20251130-000040", LogLevel.INFO, "all good");
    add(35, A, "stargate", "stargate.out", null, LogLevel.ERROR, "wrapper: child died"); // no pid: not a run

    ProcessRuns found = find(Set.of(), Set.of());

    assertThat(found.runs()).extracting(ProcessRun::cvmIp, ProcessRun::service, ProcessRun::pid, ProcessRun::records,
            ProcessRun::ended, ProcessRun::endRecordId, ProcessRun::firstRecordId)
        .containsExactly(
            tuple(A, "stargate", 100L, 4L, Ending.FATAL, fatal, first),
            tuple(A, "stargate", 200L, 2L, Ending.RUNNING, null, second));
    ProcessRun run = found.runs().get(0);
    assertThat(run.startMicros()).as("the file name's stamp, 5 s before the first record").isEqualTo(T0 + 5 * S);
    assertThat(run.endMicros()).isEqualTo(T0 + 31 * S);
    assertThat(found.runs().get(1).startMicros()).as("a stamp equal to the first record").isEqualTo(T0 + 40 * S);
    assertThat(found.restarts()).containsExactly(new ServiceRestarts(A, "stargate", 2, 1, 1));
  }

  @Test
  void aRunWithoutEndMarkerFollowedByAnotherWasRestartedAndTheLastIsRunning() {
    glog(10, A, "curator", 500, "20251130-000010", LogLevel.INFO, "Curator up");
    String lastOfFirst = glog(20, A, "curator", 500, "20251130-000010", LogLevel.ERROR, "scan failed");
    glog(30, A, "curator", 600, "20251130-000030", LogLevel.INFO, "Curator up");
    glog(40, B, "curator", 500, "20251130-000040", LogLevel.INFO, "Curator up"); // same pid, another node

    ProcessRuns found = find(Set.of(), Set.of());

    assertThat(found.runs()).extracting(ProcessRun::cvmIp, ProcessRun::pid, ProcessRun::ended, ProcessRun::endRecordId)
        .containsExactly(tuple(A, 500L, Ending.RESTARTED, lastOfFirst), tuple(A, 600L, Ending.RUNNING, null),
            tuple(B, 500L, Ending.RUNNING, null));
    assertThat(found.restarts()).containsExactly(new ServiceRestarts(A, "curator", 2, 1, 0),
        new ServiceRestarts(B, "curator", 1, 0, 0));
  }

  @Test
  void aServiceWithoutPidsIsOneRunEndedCleanlyByItsShutdownLine() {
    String first = add(5, A, "genesis", "genesis.out", null, LogLevel.INFO, "Genesis started");
    add(50, A, "genesis", "genesis.out", null, LogLevel.FATAL, "Lost ZooKeeper, will retry"); // 15 min before the end
    String stop = add(1_000, A, "genesis", "genesis.out", null, LogLevel.INFO, "Received signal 15, shutting down");
    add(1_001, A, "genesis", "genesis.out", null, LogLevel.INFO, "bye");

    ProcessRuns found = find(Set.of(), Set.of());

    assertThat(found.runs()).singleElement().satisfies(r -> {
      assertThat(r.pid()).isNull();
      assertThat(r.ended()).isEqualTo(Ending.CLEAN);
      assertThat(r.endRecordId()).isEqualTo(stop);
      assertThat(r.firstRecordId()).isEqualTo(first);
      assertThat(r.records()).isEqualTo(4);
      assertThat(r.startMicros()).isEqualTo(T0 + 5 * S);
      assertThat(r.endMicros()).isEqualTo(T0 + 1_001 * S);
    });
    assertThat(found.restarts()).containsExactly(new ServiceRestarts(A, "genesis", 1, 0, 0));
  }

  @Test
  void linePidsFollowingOneAnotherAreRunsButInterleavedOnesAreOneRun() {
    add(10, A, "ganesha", "ganesha.log", 700L, LogLevel.INFO, "NFS STARTUP");
    String sigterm = add(20, A, "ganesha", "ganesha.log", 700L, LogLevel.INFO, "Caught SIGTERM, stopping");
    add(30, A, "ganesha", "ganesha.log", 800L, LogLevel.INFO, "NFS STARTUP");
    add(10, A, "messages", "messages", 1L, LogLevel.INFO, "systemd: Started Session 1");
    add(12, A, "messages", "messages", 2222L, LogLevel.INFO, "sshd: accepted key");
    add(14, A, "messages", "messages", 1L, LogLevel.INFO, "systemd: session closed");

    ProcessRuns found = find(Set.of(), Set.of());

    assertThat(found.runs()).extracting(ProcessRun::service, ProcessRun::pid, ProcessRun::records, ProcessRun::ended,
            ProcessRun::endRecordId)
        .containsExactly(tuple("ganesha", 700L, 2L, Ending.CLEAN, sigterm), tuple("ganesha", 800L, 1L, Ending.RUNNING, null),
            tuple("messages", null, 3L, Ending.RUNNING, null));
  }

  @Test
  void nodeAndServiceFiltersNarrowTheRuns() {
    glog(10, A, "stargate", 100, "20251130-000010", LogLevel.INFO, "up");
    glog(10, B, "stargate", 101, "20251130-000010", LogLevel.INFO, "up");
    add(10, B, "genesis", "genesis.out", null, LogLevel.INFO, "up");

    ProcessRuns found = find(Set.of(B), Set.of("stargate"));

    assertThat(found.runs()).extracting(ProcessRun::cvmIp, ProcessRun::service, ProcessRun::pid)
        .containsExactly(tuple(B, "stargate", 101L));
  }

  @Test
  void aFileNameStampFarBeforeTheFirstRecordIsNotTheStart() {
    glog(7_200, A, "stargate", 100, "20251130-000000", LogLevel.INFO, "up two hours after the name says");

    ProcessRuns found = find(Set.of(), Set.of());

    assertThat(found.runs()).singleElement().extracting(ProcessRun::startMicros).isEqualTo(T0 + 7_200 * S);
  }
}
