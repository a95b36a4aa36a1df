package io.bundlescope.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frees a data directory left behind by a killed JVM. Its embedded postmaster may outlive the JVM and keep
 * {@code postmaster.pid}: a live postgres owning the directory is stopped (SIGTERM, then SIGKILL with its
 * children); a pid file naming a dead or unrelated process is removed.
 */
final class OrphanedPostmaster {
    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    static final String PID_FILE = "postmaster.pid";

    private OrphanedPostmaster() {
    }

    /** Makes sure no postmaster holds {@code pgData}; returns the pid it stopped, if any. */
    static Optional<Long> clear(Path pgData, Duration termGrace) throws IOException {
        Path pidFile = pgData.resolve(PID_FILE);
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProcessHandle> owner = ProcessHandle.of(pid.get())
                .filter(ProcessHandle::isAlive)
                .filter(p -> isPostgresOf(p, pgData));
        if (owner.isEmpty()) {
            log.info("Removing stale {} (pid {} is not a running postgres)", pidFile, pid.get());
            Files.deleteIfExists(pidFile);
            return Optional.empty();
        }
        log.warn("Stopping orphaned postmaster pid {} holding {}", pid.get(), pgData);
        stop(owner.get(), pidFile, termGrace);
        Files.deleteIfExists(pidFile);
        return pid;
    }

    private static void stop(ProcessHandle postmaster, Path pidFile, Duration termGrace) {
        List<ProcessHandle> children = postmaster.descendants().toList();
        postmaster.destroy(); // SIGTERM: smart shutdown; the dead JVM's sessions are gone already
        if (awaitExit(postmaster, pidFile, termGrace)) {
            return;
        }
        log.warn("Postmaster pid {} ignored SIGTERM for {}; sending SIGKILL", postmaster.pid(), termGrace);
        postmaster.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly); // backends would keep the shared memory in use
        awaitExit(postmaster, pidFile, Duration.ofSeconds(5));
    }

    /** True once the process is gone (or a zombie) or postgres removed its pid file on a clean exit. */
    private static boolean awaitExit(ProcessHandle p, Path pidFile, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!running(p) || !Files.exists(pidFile)) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            log.info("Removing unreadable {}", pidFile);
            Files.deleteIfExists(pidFile);
            return Optional.empty();
        }
    }

    /** A postgres executable whose arguments, when the OS shows them, name this data directory. */
    private static boolean isPostgresOf(ProcessHandle p, Path pgData) {
        ProcessHandle.Info info = p.info();
        boolean postgres = info.command().map(c -> Path.of(c).getFileName().toString().equals("postgres")).orElse(false);
        if (!postgres) {
            return false;
        }
        String dir = pgData.toAbsolutePath().normalize().toString();
        return info.arguments().map(args -> List.of(args).stream().anyMatch(a -> a.contains(dir))).orElse(true);
    }

    /** {@link ProcessHandle#isAlive()} also reports an unreaped zombie as alive; /proc tells them apart. */
    private static boolean running(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return true; // no procfs: trust isAlive
        }
    }
}
