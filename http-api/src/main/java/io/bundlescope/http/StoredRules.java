package io.bundlescope.http;

import io.bundlescope.analyzers.rules.Rule;
import io.bundlescope.analyzers.rules.RuleFormat;
import io.bundlescope.analyzers.rules.RuleFormatException;
import io.bundlescope.store.StoredRule;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rules as stored (JSON in PostgreSQL) and as the analyzers run them. */
public final class StoredRules {
  private static final Logger log = LoggerFactory.getLogger(StoredRules.class);

  private StoredRules() {}

  /**
   * The rule a row holds; empty (and logged) if it no longer reads, e.g. stored by a later
   * version of the format.
   */
  public static Optional<Rule> parse(StoredRule row) {
    try {
      return Optional.of(RuleFormat.read(row.definitionJson()));
    } catch (RuleFormatException e) {
      log.warn("stored rule {} v{} cannot be read: {}", row.ruleId(), row.version(), e.getMessage());
      return Optional.empty();
    }
  }
}
