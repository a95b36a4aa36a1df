package io.bundlescope.analyzers.rules;

import io.bundlescope.index.Bucket;
import io.bundlescope.index.GroupField;
import io.bundlescope.index.LogQuery;
import io.bundlescope.index.LogStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The services, file names and nodes a bundle holds records of: resolves a rule's scope to
 * exact index filters, and tells when a rule has nothing to read.
 */
final class BundleFacts {
  private final Set<String> services;
  private final Set<String> filenames;
  private final Set<String> nodes;

  private BundleFacts(Set<String> services, Set<String> filenames, Set<String> nodes) {
    this.services = services;
    this.filenames = filenames;
    this.nodes = nodes;
  }

  static BundleFacts of(LogStore store, String bundleId) {
    LogQuery all = LogQuery.all(List.of(bundleId));
    return new BundleFacts(keys(store.aggregate(all, GroupField.SERVICE)),
        keys(store.aggregate(all, GroupField.FILENAME)), keys(store.aggregate(all, GroupField.CVM_IP)));
  }

  /** Why a scope selects nothing in this bundle, or empty when it selects something. */
  Optional<String> whyEmpty(RuleScope scope) {
    if (!scope.services().isEmpty() && scope.services().stream().noneMatch(services::contains)) {
      return Optional.of("no logs of " + String.join(", ", scope.services()) + " in the bundle");
    }
    if (!scope.files().isEmpty() && filesMatching(scope.files()).isEmpty()) {
      return Optional.of("no file matching " + String.join(", ", scope.files()) + " in the bundle");
    }
    if (!scope.nodes().isEmpty() && scope.nodes().stream().noneMatch(nodes::contains)) {
      return Optional.of("no logs of node " + String.join(", ", scope.nodes()) + " in the bundle");
    }
    return Optional.empty();
  }

  /** The bundle's file names matching any of the globs. */
  Set<String> filesMatching(List<String> globs) {
    List<Pattern> patterns = globs.stream().map(BundleFacts::glob).toList();
    return filenames.stream().filter(name -> patterns.stream().anyMatch(p -> p.matcher(name).matches()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** {@code *} any run of characters, {@code ?} one character, everything else literal. */
  static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) regex.append(Pattern.quote(literal.toString()));
        literal.setLength(0);
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) regex.append(Pattern.quote(literal.toString()));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static Set<String> keys(List<Bucket> buckets) {
    return buckets.stream().map(Bucket::key).collect(Collectors.toCollection(TreeSet::new));
  }
}
