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
