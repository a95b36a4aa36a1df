package io.bundlescope.analyzers.rules;

import io.bundlescope.analyzers.templates.Masker;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Proposes a rule from one record (the "make rule" click): its first line masked into a
 * template (numbers, ids, IPs, paths, times become {@code <*>}; every other word is kept),
 * scoped to its service and level, firing on one match per node. The engineer edits it.
 */
public final class RuleDrafts {
  /** Template words kept: a long message is matched on its head (the regex need not reach the end). */
  static final int MAX_WORDS = 24;
  private static final Pattern PLACEHOLDER = Pattern.compile("<[A-Z]+>");
  private static final Pattern NOT_ID = Pattern.compile("[^a-z0-9]+");

  private RuleDrafts() {}

  public static Rule draft(LogRecord record, Masker masker) {
    return draft(record, template(record.message(), masker));
  }

  /**
   * A draft from the record's mined template (the template miner's text: placeholders such as
   * {@code <NUM>} and {@code <*>} both become {@code <*>}), which generalizes over every message
   * of the event rather than this one alone.
   */
  public static Rule draftFromTemplate(LogRecord record, String minedTemplate) {
    return draft(record, wildcards(minedTemplate));
  }

  private static Rule draft(LogRecord record, String template) {
    List<String> words = constantWords(template);
    String title = capitalize(record.service()) + ": " + String.join(" ", words.subList(0, Math.min(8, words.size())));
    return new Rule(id(record.service(), words), 0, title, severity(record.level()),
        "Drafted from record " + record.id() + " of bundle " + record.logBundleId() + ".",
        new RuleScope(List.of(record.service()), List.of(), List.of()),
        new RuleMatch(null, null, template, record.level() == LogLevel.UNKNOWN ? List.of() : List.of(record.level())),
        RuleCondition.ANY_MATCH, null, null, List.of("drafted", record.service()));
  }

  /** The message's first line with each word holding a variable turned into {@code <*>}. */
  static String template(String message, Masker masker) {
    return wildcards(masker.mask(message.lines().findFirst().orElse("").strip()));
  }

  /** At most {@link #MAX_WORDS} words, each holding a placeholder turned into {@code <*>}. */
  static String wildcards(String masked) {
    String[] words = masked.strip().split("\\s+");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words.length && out.size() < MAX_WORDS; i++) {
      if (!words[i].isEmpty()) out.add(PLACEHOLDER.matcher(words[i]).replaceAll(TemplatePattern.VARIABLE));
    }
    return String.join(" ", out);
  }

  private static List<String> constantWords(String template) {
    List<String> words = new ArrayList<>();
    for (String w : template.split("\\s+")) {
      if (!w.contains(TemplatePattern.VARIABLE) && w.chars().anyMatch(Character::isLetter)) words.add(w);
    }
    return words;
  }

  private static String id(String service, List<String> words) {
    String raw = (service + "-" + String.join("-", words.subList(0, Math.min(5, words.size()))))
        .toLowerCase(Locale.ROOT);
    String id = NOT_ID.matcher(raw).replaceAll("-").replaceAll("^-+|-+$", "");
    if (id.length() > 64) id = id.substring(0, 64).replaceAll("-+$", "");
    return id.isEmpty() ? "drafted-rule" : id;
  }

  private static Severity severity(LogLevel level) {
    return switch (level) {
      case FATAL -> Severity.CRITICAL;
      case ERROR -> Severity.MAJOR;
      case WARN -> Severity.MINOR;
      default -> Severity.INFO;
    };
  }

  private static String capitalize(String s) {
    return s == null || s.isEmpty() ? "Service" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
