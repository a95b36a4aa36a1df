package io.bundlescope.index.lucene;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Analyzer of the {@code message} field: Unicode word tokens (UAX#29, as StandardAnalyzer),
 * lower-cased, no stop words (in logs "not", "no", "on" carry meaning).
 *
 * <p>A colon always separates words (UAX#29 would join {@code key:value} but split
 * {@code key: value} and {@code file.cc:12}); it is mapped to a space before tokenizing.
 * UAX#29 keeps {@code 10.1.2.3}, {@code 0x7f3a}, {@code foo_bar} and {@code stargate.cc} whole,
 * so {@code stargate.cc:123} becomes {@code stargate.cc}, {@code 123}, which the query side
 * matches as a phrase. A dotted or underscored word such as
 * {@code java.lang.NullPointerException} would then be findable only whole; the indexing variant
 * therefore also stacks its parts ({@code java}, {@code lang}, {@code nullpointerexception}) at the
 * same position. Dotted numbers (IPs, versions) are not split. Queries use the plain variant, so
 * a query word matches either the whole token or one of its stacked parts.
 */
final class MessageAnalyzer extends Analyzer {
  private final boolean indexing;

  private MessageAnalyzer(boolean indexing) {
    this.indexing = indexing;
  }

  /** The variant used by the IndexWriter: also emits the parts of dotted words. */
  static Analyzer forIndexing() {
    return new MessageAnalyzer(true);
  }

  /** The variant used by the query parser. */
  static Analyzer forQuery() {
    return new MessageAnalyzer(false);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer tokenizer = new StandardTokenizer();
    TokenStream stream = new LowerCaseFilter(tokenizer);
    return new TokenStreamComponents(tokenizer, indexing ? new PartsFilter(stream) : stream);
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new ColonAsSpace(reader);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }

  /**
   * Reads ':' as ' '. A one-for-one replacement keeps every offset, so unlike a MappingCharFilter
   * (a map lookup per character, a measurable share of indexing) it needs no offset correction.
   */
  private static final class ColonAsSpace extends FilterReader {
    ColonAsSpace(Reader in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int c = in.read();
      return c == ':' ? ' ' : c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      for (int i = offset; i < offset + n; i++) {
        if (buffer[i] == ':') buffer[i] = ' ';
      }
      return n;
    }
  }

  /** After a token like {@code a.b_c}, stacks {@code a}, {@code b}, {@code c} on its position. */
  static final class PartsFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position =
        addAttribute(PositionIncrementAttribute.class);
    private final ArrayDeque<String> parts = new ArrayDeque<>();
    private State whole;

    PartsFilter(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!parts.isEmpty()) {
        restoreState(whole);
        term.setEmpty().append(parts.poll());
        position.setPositionIncrement(0);
        return true;
      }
      if (!input.incrementToken()) return false;
      if (split(term)) whole = captureState();
      return true;
    }

    private boolean split(CharSequence t) {
      boolean separator = false;
      boolean letter = false;
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        if (c == '.' || c == '_') separator = true;
        else if (!Character.isDigit(c)) letter = true;
      }
      if (!separator || !letter) return false;
      int start = 0;
      for (int i = 0; i <= t.length(); i++) {
        if (i == t.length() || t.charAt(i) == '.' || t.charAt(i) == '_') {
          if (i > start) parts.add(t.subSequence(start, i).toString());
          start = i + 1;
        }
      }
      return !parts.isEmpty();
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      parts.clear();
      whole = null;
    }
  }
}
