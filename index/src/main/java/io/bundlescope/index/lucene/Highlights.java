package io.bundlescope.index.lucene;

import io.bundlescope.index.TextSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Where a text query matches in a message: the message is tokenized as it was indexed and every
 * token the query looks for (a term, or a prefix/wildcard/fuzzy automaton; nothing under NOT) is
 * a span of its character offsets. Phrases mark their words. Overlapping spans (a dotted word
 * and its stacked parts) are merged.
 */
final class Highlights {
  private static final Analyzer ANALYZER = MessageAnalyzer.forIndexing();

  private Highlights() {}

  static List<TextSpan> of(String text, String message) {
    Wanted wanted = new Wanted();
    QueryTranslator.text(text).visit(wanted);
    List<TextSpan> spans = new ArrayList<>();
    try (TokenStream tokens = ANALYZER.tokenStream(RecordDocuments.MESSAGE, message)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        if (wanted.matches(new BytesRef(term))) add(spans, offset.startOffset(), offset.endOffset());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String reader does not fail
    }
    return spans;
  }

  /** Appends, merging with the previous span when they overlap (tokens come in offset order). */
  private static void add(List<TextSpan> spans, int start, int end) {
    if (!spans.isEmpty()) {
      TextSpan last = spans.get(spans.size() - 1);
      if (start <= last.end()) {
        spans.set(spans.size() - 1, new TextSpan(last.start(), Math.max(last.end(), end)));
        return;
      }
    }
    spans.add(new TextSpan(start, end));
  }

  /** The message terms and term automata of a query, negated clauses left out. */
  private static final class Wanted extends QueryVisitor {
    final Set<BytesRef> terms = new HashSet<>();
    final List<ByteRunAutomaton> automata = new ArrayList<>();

    @Override
    public boolean acceptField(String field) {
      return RecordDocuments.MESSAGE.equals(field);
    }

    @Override
    public void consumeTerms(Query query, Term... found) {
      for (Term t : found) terms.add(t.bytes());
    }

    @Override
    public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
      automata.add(automaton.get());
    }

    @Override
    public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
      return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
    }

    boolean matches(BytesRef token) {
      if (terms.contains(token)) return true;
      for (ByteRunAutomaton a : automata) {
        if (a.run(token.bytes, token.offset, token.length)) return true;
      }
      return false;
    }
  }
}
