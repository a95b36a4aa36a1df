package io.bundlescope.parsers.line;

import io.bundlescope.parsers.LogLevel;

/**
 * What the header of a record-starting line says.
 *
 * @param timeMicros UTC time in microseconds since the epoch
 * @param timeText the time exactly as written in the line
 * @param level normalized severity
 * @param pid process id written in the line (syslog {@code prog[pid]:}), else null
 * @param messageStart index in the line where the message (the text after the header) begins
 */
public record Header(long timeMicros, String timeText, LogLevel level, Long pid, int messageStart) {}
