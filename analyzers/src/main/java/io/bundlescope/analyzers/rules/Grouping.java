package io.bundlescope.analyzers.rules;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a condition counts its matches: on each node apart, or over the whole cluster. */
public enum Grouping {
  NODE, CLUSTER;

  @JsonValue
  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }
}
