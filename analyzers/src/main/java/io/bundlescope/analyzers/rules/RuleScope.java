package io.bundlescope.analyzers.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Which records a rule looks at; an empty list does not restrict.
 *
 * @param services services (file stems) such as {@code stargate}
 * @param files globs on the file's base name such as {@code cassandra*.log*} ({@code *}, {@code ?})
 * @param nodes node IPs
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RuleScope(List<String> services, List<String> files, List<String> nodes) {
  public static final RuleScope ANY = new RuleScope(List.of(), List.of(), List.of());

  public RuleScope {
    services = services == null ? List.of() : List.copyOf(services);
    files = files == null ? List.of() : List.copyOf(files);
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
  }
}
