package io.bundlescope.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What Linux's {@code /proc} says about a process. */
final class Proc {
  private Proc() {}

  /** VmHWM, the peak resident set size, in KiB. */
  static long peakRssKib(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
    throw new IOException("no VmHWM for pid " + pid);
  }

  /** {@link #peakRssKib}, or 0 when the process is gone or has no memory of its own. */
  static long peakRssKibOrZero(long pid) {
    try {
      return peakRssKib(pid);
    } catch (IOException e) {
      return 0;
    }
  }

  /** CPU seconds (user + system) the process used so far; 0 when it is gone. */
  static double cpuSeconds(long pid) {
    long[] t = statTimes(pid);
    return t == null ? 0 : (t[0] + t[1]) / (double) clockTicks();
  }

  /** CPU seconds used by this JVM's finished, waited-for child processes and their children. */
  static double childrenCpuSeconds() {
    long[] t = statTimes(ProcessHandle.current().pid());
    return t == null ? 0 : (t[2] + t[3]) / (double) clockTicks();
  }

  /** utime, stime, cutime, cstime (fields 14-17 of /proc/PID/stat), or null. */
  private static long[] statTimes(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // f[0] is field 3
      return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static volatile long clockTicks;

  /** USER_HZ, the unit of the stat times ({@code getconf CLK_TCK}; 100 if that fails). */
  private static long clockTicks() {
    if (clockTicks == 0) {
      long ticks = 100;
      try {
        Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() == 0) ticks = Long.parseLong(out);
      } catch (IOException | RuntimeException e) {
        // keep the Linux default
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      clockTicks = ticks;
    }
    return clockTicks;
  }

  /** The command line, arguments separated by spaces, or "" when unreadable. */
  static String commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }
}
