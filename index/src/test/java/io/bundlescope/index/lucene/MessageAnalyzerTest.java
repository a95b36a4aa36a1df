package io.bundlescope.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class MessageAnalyzerTest {
  /** Tokens; a token stacked on the previous position is written "^token". */
  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("message", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add((inc.getPositionIncrement() == 0 ? "^" : "") + term);
      ts.end();
    }
    return out;
  }

  @Test
  void keepsIpsHexIdsAndStopWordsLowerCased() throws IOException {
    assertEquals(List.of("not", "a", "10.1.2.3", "2181", "0x7f3a", "on", "the", "node"),
        tokens(MessageAnalyzer.forIndexing(), "Not a 10.1.2.3:2181 0x7F3A on THE node"));
  }

  @Test
  void splitsOnColonsWhateverTheSpacing() throws IOException {
    assertEquals(List.of("key", "value", "key", "value", "stargate.cc", "^stargate", "^cc", "123"),
        tokens(MessageAnalyzer.forIndexing(), "key:value key: value stargate.cc:123"));
  }

  @Test
  void stacksPartsOfDottedAndUnderscoredWordsWhenIndexing() throws IOException {
    assertEquals(List.of("java.lang.npe", "^java", "^lang", "^npe", "scan_id", "^scan", "^id"),
        tokens(MessageAnalyzer.forIndexing(), "java.lang.NPE scan_id"));
    assertEquals(List.of("java.lang.npe", "scan_id"),
        tokens(MessageAnalyzer.forQuery(), "java.lang.NPE scan_id"));
  }

  @Test
  void leavesDottedNumbersWhole() throws IOException {
    assertEquals(List.of("1.2.3", "10.0.0.1"),
        tokens(MessageAnalyzer.forIndexing(), "1.2.3 10.0.0.1"));
  }
}
