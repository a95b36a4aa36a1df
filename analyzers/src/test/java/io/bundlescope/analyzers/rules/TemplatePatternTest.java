package io.bundlescope.analyzers.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TemplatePatternTest {
  @Test
  void constantsBecomeQuotedWordsAndVariablesTokens() {
    TemplatePattern p = TemplatePattern.of("Check failed: <*> == <*> (disk=<*>)");
    assertThat(p.textQuery()).isEqualTo("\"Check\" AND \"failed:\" AND \"(disk=\"");
    Pattern regex = Pattern.compile(p.regex());
    assertThat(regex.matcher("Check failed: num_bytes == 0 (disk=12)").find()).isTrue();
    assertThat(regex.matcher("Check  failed:\tx == y (disk=)").find()).isTrue();
    assertThat(regex.matcher("Check failed: a b == c (disk=1)").find()).isFalse();
    assertThat(regex.matcher("Check failed: a != c (disk=1)").find()).isFalse();
  }

  @Test
  void regexMetacharactersInConstantsAreLiteral() {
    TemplatePattern p = TemplatePattern.of("[main] a.b* <*>");
    assertThat(Pattern.compile(p.regex()).matcher("[main] a.b* 42").find()).isTrue();
    assertThat(Pattern.compile(p.regex()).matcher("[main] axbb 42").find()).isFalse();
  }

  @Test
  void quotesInConstantsAreEscapedForTheQueryParser() {
    assertThat(TemplatePattern.of("say \"hi\" <*>").textQuery()).isEqualTo("\"say\" AND \"\\\"hi\\\"\"");
  }

  @Test
  void aTemplateOfVariablesOnlyHasNoQuery() {
    assertThat(TemplatePattern.of("<*> <*> ==").textQuery()).isEmpty();
  }
}
