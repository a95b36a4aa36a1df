package io.bundlescope.parsers;

import java.util.Locale;

/** Normalized severity of a record, most severe first. */
public enum LogLevel {
  FATAL, ERROR, WARN, INFO, DEBUG, TRACE, UNKNOWN;

  /**
   * Maps the spellings found in real logs (glog letters, syslog priorities, log4j and Python
   * names, any case) to a level; anything unrecognized is {@link #UNKNOWN}.
   */
  public static LogLevel normalize(String text) {
    if (text == null) return UNKNOWN;
    switch (text.trim().toUpperCase(Locale.ROOT)) {
      case "F": case "FATAL": case "CRITICAL": case "CRIT": case "EMERG": case "EMERGENCY":
      case "ALERT": case "PANIC": case "SEVERE":
        return FATAL;
      case "E": case "ERROR": case "ERR": case "EXCEPTION":
        return ERROR;
      case "W": case "WARN": case "WARNING":
        return WARN;
      case "I": case "INFO": case "NOTICE": case "INFORMATION": case "EVENT":
        return INFO;
      case "D": case "DEBUG": case "FINE": case "CONFIG":
        return DEBUG;
      case "T": case "TRACE": case "FINER": case "FINEST": case "VERBOSE":
        return TRACE;
      default:
        return UNKNOWN;
    }
  }

  /** True when this level is at least as severe as {@code other}. */
  public boolean atLeast(LogLevel other) {
    return this != UNKNOWN && ordinal() <= other.ordinal();
  }
}
