package io.bundlescope.parsers.bundle;

import io.bundlescope.parsers.LogLevel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * glog writes each message to its own severity file and to every lower one, so a FATAL line
 * is also in the ERROR, WARNING and INFO files of the same process. This sets {@link
 * BundleFile#dropLevels} so each such line is kept only in the most severe file that has it.
 *
 * <p>A group is one process in one directory: (directory, program, pid) for full glog names,
 * (directory, program) for link names such as {@code stargate.INFO}; rotations of one process
 * share the group. A file of severity S drops each level L in FATAL, ERROR, WARN that is more
 * severe than S and for which the group has a file of severity L.
 */
final class GlogCopies {
  private record Group(String directory, String program, Long pid) {}

  private GlogCopies() {}

  /** The files with dropLevels set; non-glog files get the empty set. Order is kept. */
  static List<BundleFile> withDropLevels(List<BundleFile> files) {
    Map<Group, Set<LogLevel>> severities = new HashMap<>();
    for (BundleFile f : files) {
      if (f.glog() != null) {
        severities.computeIfAbsent(group(f), g -> EnumSet.noneOf(LogLevel.class))
            .add(f.glog().severity());
      }
    }
    return files.stream()
        .map(f -> f.glog() == null ? f : withDrop(f, dropLevels(severities.get(group(f)), f.glog().severity())))
        .toList();
  }

  /** Levels more severe than {@code severity} (FATAL, ERROR or WARN) present in the group. */
  static Set<LogLevel> dropLevels(Set<LogLevel> groupSeverities, LogLevel severity) {
    EnumSet<LogLevel> drop = EnumSet.noneOf(LogLevel.class);
    for (LogLevel level : EnumSet.of(LogLevel.FATAL, LogLevel.ERROR, LogLevel.WARN)) {
      if (level.ordinal() < severity.ordinal() && groupSeverities.contains(level)) drop.add(level);
    }
    return Collections.unmodifiableSet(drop);
  }

  private static Group group(BundleFile f) {
    String path = f.logicalPath();
    String directory = path.substring(0, Math.max(0, path.lastIndexOf('/')));
    return new Group(directory, f.glog().program(), f.glog().pid());
  }

  private static BundleFile withDrop(BundleFile f, Set<LogLevel> drop) {
    return new BundleFile(
        f.logicalPath(), f.physicalPath(), f.compression(), f.sizeOnDisk(), f.cvmIp(),
        f.filename(), f.sourceLogFilename(), f.service(), f.glog(), drop);
  }
}
