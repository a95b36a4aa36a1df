package io.bundlescope.analyzers.rules;

import java.util.List;

/** A rule file or rule that cannot be used, with every problem found, each naming its place. */
public final class RuleFormatException extends IllegalArgumentException {
  private final List<String> problems;

  public RuleFormatException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public RuleFormatException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
