package io.bundlescope.parsers.bundle;

import io.bundlescope.parsers.LogLevel;
import java.time.LocalDateTime;

/**
 * What a glog file name says: {@code <prog>.<host>.<user>.log.<SEV>.<yyyymmdd-hhmmss>.<pid>}
 * (full form) or {@code <prog>.<SEV>} (the short link name).
 *
 * @param program the program, e.g. {@code stargate}
 * @param severity the file's severity (INFO, WARN for WARNING, ERROR, FATAL)
 * @param started process start time from the name (node-local wall clock), or null
 * @param pid process id from the name, or null
 */
public record GlogName(String program, LogLevel severity, LocalDateTime started, Long pid) {}
