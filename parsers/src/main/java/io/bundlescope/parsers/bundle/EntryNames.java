package io.bundlescope.parsers.bundle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Archive entry names made safe to use as logical paths and staging paths (no zip-slip). */
final class EntryNames {
  private EntryNames() {}

  /**
   * {@code raw} as a relative '/'-separated path without empty or {@code .} components: "" if
   * nothing is left (a root directory entry); null if it is unsafe (absolute, a drive letter,
   * a {@code ..} component, a NUL byte).
   */
  static String safe(String raw) {
    String name = raw.replace('\\', '/');
    if (name.startsWith("/") || name.matches("[A-Za-z]:/.*") || name.indexOf('\0') >= 0) return null;
    List<String> parts = new ArrayList<>();
    for (String part : name.split("/")) {
      if (part.equals("..")) return null;
      if (!part.isEmpty() && !part.equals(".")) parts.add(part);
    }
    return String.join("/", parts);
  }

  /**
   * Whether a symlink stored at the safe path {@code entry} and pointing to {@code target}
   * resolves outside the root of its archive.
   */
  static boolean linkEscapes(String entry, String target) {
    String t = target.replace('\\', '/');
    if (t.startsWith("/") || t.matches("[A-Za-z]:/.*")) return true;
    Deque<String> resolved = new ArrayDeque<>(List.of(entry.split("/")));
    resolved.removeLast();
    for (String part : t.split("/")) {
      if (part.equals("..")) {
        if (resolved.isEmpty()) return true;
        resolved.removeLast();
      } else if (!part.isEmpty() && !part.equals(".")) {
        resolved.addLast(part);
      }
    }
    return false;
  }

  /** {@code parent/name}, or {@code name} at the root (empty parent). */
  static String child(String parent, String name) {
    return parent.isEmpty() ? name : parent + "/" + name;
  }
}
