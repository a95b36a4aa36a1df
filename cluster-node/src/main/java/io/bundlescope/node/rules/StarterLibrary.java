package io.bundlescope.node.rules;

import io.bundlescope.analyzers.rules.Rule;
import io.bundlescope.analyzers.rules.RuleFormat;
import io.bundlescope.analyzers.rules.StarterRules;
import io.bundlescope.store.RuleRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the shipped rules into the database on start-up: each rule never stored before is added
 * at version 1; rules an engineer edited or deleted stay as they are.
 */
public final class StarterLibrary {
  private static final Logger log = LoggerFactory.getLogger(StarterLibrary.class);

  private StarterLibrary() {}

  public static int seed(RuleRepository rules) {
    List<Rule> library = StarterRules.load();
    Map<String, String> firstVersions = new LinkedHashMap<>();
    library.forEach(r -> firstVersions.put(r.id(), RuleFormat.toJsonText(r.withVersion(1))));
    int added = rules.seed(firstVersions, "starter");
    if (added > 0) log.info("added {} of the {} starter rules", added, library.size());
    return added;
  }
}
