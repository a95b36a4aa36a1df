package io.bundlescope.analyzers.templates;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user-supplied masking rule: every match of {@code pattern} becomes {@code replacement}
 * (taken literally, no {@code $1} group references). Rules run before the built-in scan, in
 * the order given, so they may claim text the scan would treat otherwise. They cost a regex
 * pass per message each; keep them few and anchored on a literal where possible.
 *
 * @param name short name for error messages and documentation, e.g. {@code user}
 * @param pattern what to mask, e.g. {@code user=\S+}
 * @param replacement what to write instead, e.g. {@code user=<USER>}
 */
public record MaskRule(String name, Pattern pattern, String replacement) {

  public MaskRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(replacement, "replacement");
  }

  /** A rule from a regex in {@link Pattern} syntax. */
  public static MaskRule of(String name, String regex, String replacement) {
    return new MaskRule(name, Pattern.compile(regex), replacement);
  }

  String apply(String text) {
    var matcher = pattern.matcher(text);
    return matcher.find() ? matcher.replaceAll(Matcher.quoteReplacement(replacement)) : text;
  }
}
