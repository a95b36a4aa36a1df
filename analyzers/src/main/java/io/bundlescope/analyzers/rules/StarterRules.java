package io.bundlescope.analyzers.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The rule library shipped with Bundlescope ({@code rules/starter-rules.yaml}, docs/rules.md). */
public final class StarterRules {
  public static final String RESOURCE = "/rules/starter-rules.yaml";

  private StarterRules() {}

  /** The shipped rules, validated; none when the library is absent from the class path. */
  public static List<Rule> load() {
    try (InputStream in = StarterRules.class.getResourceAsStream(RESOURCE)) {
      return in == null ? List.of() : RuleFormat.readAll(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
