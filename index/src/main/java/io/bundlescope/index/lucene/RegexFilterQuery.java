package io.bundlescope.index.lucene;

import java.io.IOException;
import java.util.regex.Pattern;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Keeps documents whose stored message contains a match of a regex. It is only a verification
 * step (a two-phase iterator with a high match cost): in a conjunction Lucene asks it only about
 * documents every other clause already matched, so the regex runs on the narrowed set. Every
 * test shares the query's {@link BudgetedText.Deadline}. Never cached (each query has its own
 * deadline).
 */
final class RegexFilterQuery extends Query {
  private final Pattern pattern;
  private final BudgetedText.Deadline deadline;

  RegexFilterQuery(Pattern pattern, BudgetedText.Deadline deadline) {
    this.pattern = pattern;
    this.deadline = deadline;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public Scorer scorer(LeafReaderContext context) throws IOException {
        StoredFields stored = context.reader().storedFields();
        DocIdSetIterator all = DocIdSetIterator.all(context.reader().maxDoc());
        TwoPhaseIterator matching = new TwoPhaseIterator(all) {
          @Override
          public boolean matches() throws IOException {
            deadline.check();
            DocumentStoredFieldVisitor message = new DocumentStoredFieldVisitor(RecordDocuments.MESSAGE);
            stored.document(all.docID(), message);
            String text = message.getDocument().get(RecordDocuments.MESSAGE);
            return text != null && pattern.matcher(new BudgetedText(text, deadline)).find();
          }

          @Override
          public float matchCost() {
            return 10_000; // a stored-field read and a regex: after every other clause
          }
        };
        return new ConstantScoreScorer(this, score(), scoreMode, matching);
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false;
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "regex(" + pattern.pattern() + ")";
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
