package io.bundlescope.analyzers.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A message template ({@code Check failed: <*> == <*>}) as what the index can run: a full-text
 * query of its constant words, which narrows cheaply, and a regex that pins their order and
 * the variables' places, checked on what the query leaves. A {@code <*>} stands for one
 * whitespace-free token, or for part of one ({@code id=<*>}).
 *
 * @param textQuery the constant words as quoted terms joined by AND; empty if there are none
 * @param regex the whole template: constants quoted, variables {@code \S*}, spaces {@code \s+}
 */
public record TemplatePattern(String textQuery, String regex) {
  public static final String VARIABLE = "<*>";

  public static TemplatePattern of(String template) {
    List<String> words = new ArrayList<>();
    List<String> tokenRegexes = new ArrayList<>();
    for (String token : template.trim().split("\\s+")) {
      if (token.isEmpty()) continue;
      StringBuilder regex = new StringBuilder();
      String[] constants = token.split(Pattern.quote(VARIABLE), -1);
      for (int i = 0; i < constants.length; i++) {
        if (i > 0) regex.append("\\S*");
        if (!constants[i].isEmpty()) regex.append(Pattern.quote(constants[i]));
        if (constants[i].chars().anyMatch(Character::isLetterOrDigit)) words.add(quoted(constants[i]));
      }
      tokenRegexes.add(regex.toString());
    }
    return new TemplatePattern(String.join(" AND ", words), String.join("\\s+", tokenRegexes));
  }

  private static String quoted(String word) {
    return '"' + word.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
