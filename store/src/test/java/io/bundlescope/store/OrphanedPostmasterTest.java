package io.bundlescope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanedPostmasterTest {
    @TempDir
    Path dir;

    @Test
    void startStopsThePostmasterOrphanedByAKilledJvmAndKeepsItsData() throws Exception {
        Path pg = dir.resolve("pg");
        Process child = startChildJvm(pg, "wait");
        long orphanPid;
        try {
            awaitReady(child, dir.resolve("child.log"));
            orphanPid = readPid(pg);
        } finally {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks run
        }
        assertTrue(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false),
                "the postmaster outlives its killed JVM");

        try (Database db = Database.start(DatabaseSettings.embedded(pg, 0))) {
            assertTrue(db.isReachable());
            assertFalse(ProcessHandle.of(orphanPid).map(OrphanedPostmasterTest::running).orElse(false),
                    "the orphan was stopped");
            assertTrue(readPid(pg) != orphanPid);
            BundleRepository repo = new BundleRepository(db.dataSource());
            assertEquals(Optional.of("b-crash"), repo.inboxClaim("/inbox/before-crash.tgz", 1, Instant.EPOCH));
            assertFalse(repo.claimInbox("/inbox/before-crash.tgz", 1, Instant.EPOCH, "b-again"));
        }
    }

    @Test
    void normalJvmExitStopsTheEmbeddedPostmaster() throws Exception {
        Path pg = dir.resolve("pg");
        Process child = startChildJvm(pg, "exit");
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child JVM exits");
        assertEquals(0, child.exitValue(), Files.readString(dir.resolve("child.log")));
        assertTrue(Files.readAllLines(dir.resolve("child.log")).contains("READY"));

        assertFalse(Files.exists(pg.resolve(OrphanedPostmaster.PID_FILE)), "postmaster stopped by the shutdown hook");
    }

    @Test
    void postmasterIgnoringSigtermIsKilledWithItsChildren() throws Exception {
        // a stand-in postmaster: bash copied to a file named "postgres", ignoring SIGTERM, with a child
        Path fake = Files.copy(Path.of("/bin/bash"), dir.resolve("postgres"));
        Path trapped = dir.resolve("trapped");
        Process p = new ProcessBuilder(fake.toString(), "-c",
                "trap '' TERM; sleep 600 & touch " + trapped + "; wait", dir.toString()).start();
        while (!Files.exists(trapped)) {
            Thread.sleep(20);
        }
        List<ProcessHandle> children = p.toHandle().children().toList();
        writePidFile(p.pid());

        assertEquals(Optional.of(p.pid()), OrphanedPostmaster.clear(dir, Duration.ofMillis(300)));
        assertTrue(p.waitFor(5, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), "SIGKILL");
        assertFalse(children.isEmpty());
        for (ProcessHandle c : children) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (running(c) && System.nanoTime() < deadline) {
                Thread.sleep(20); // SIGKILL is delivered asynchronously
            }
            assertFalse(running(c), "child " + c.pid() + " killed");
        }
        assertFalse(Files.exists(dir.resolve(OrphanedPostmaster.PID_FILE)));
    }

    @Test
    void pidFileOfADeadProcessIsRemoved() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Path pidFile = writePidFile(p.pid());

        assertEquals(Optional.empty(), OrphanedPostmaster.clear(dir, Duration.ofSeconds(1)));
        assertFalse(Files.exists(pidFile));
    }

    @Test
    void pidFileNamingALiveNonPostgresProcessIsRemovedAndTheProcessSpared() throws Exception {
        Path pidFile = writePidFile(ProcessHandle.current().pid());

        assertEquals(Optional.empty(), OrphanedPostmaster.clear(dir, Duration.ofSeconds(1)));
        assertFalse(Files.exists(pidFile));
        assertTrue(ProcessHandle.current().isAlive());
    }

    @Test
    void missingPidFileNeedsNoAction() throws IOException {
        assertEquals(Optional.empty(), OrphanedPostmaster.clear(dir, Duration.ofSeconds(1)));
    }

    private Path writePidFile(long pid) throws IOException {
        return Files.writeString(dir.resolve(OrphanedPostmaster.PID_FILE), pid + "\n" + dir + "\n1700000000\n5432\n");
    }

    private Process startChildJvm(Path pg, String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OrphanedDatabaseMain.class.getName(), pg.toString(), mode)
                .redirectErrorStream(true)
                // a file, not a pipe: the orphan inherits this output and must never block on a full pipe
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
    }

    private static void awaitReady(Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readAllLines(log).contains("READY")) {
                return;
            }
            if (!child.isAlive()) {
                throw new AssertionError("child JVM exited: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("child JVM not ready: " + Files.readString(log));
    }

    private static long readPid(Path pg) throws IOException {
        return Long.parseLong(Files.readAllLines(pg.resolve(OrphanedPostmaster.PID_FILE)).get(0).trim());
    }

    private static boolean running(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
