package io.bundlescope.analyzers.rules;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How bad a known issue is, most severe first. Written in lower case in rule files. */
public enum Severity {
  CRITICAL, MAJOR, MINOR, INFO;

  @JsonValue
  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }
}
