package io.bundlescope.analyzers.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bundlescope.parsers.LogLevel;
import java.util.List;

/**
 * What a matching record says; every part given must hold.
 *
 * @param query full text on the message, as {@code q} of {@code /logs/search} (words,
 *     "phrases", AND/OR/NOT, prefix*)
 * @param regex a Java regular expression found in the message
 * @param template a message template: constant words with {@code <*>} for each variable word,
 *     as {@code bundlescope patterns} prints them
 * @param levels the record's level is one of these (empty: any level)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RuleMatch(String query, String regex, String template, List<LogLevel> levels) {
  public RuleMatch {
    levels = levels == null ? List.of() : List.copyOf(levels);
  }
}
