package io.bundlescope.index.lucene;

import io.bundlescope.index.InvalidQueryException;
import io.bundlescope.index.LogQuery;
import io.bundlescope.index.TemplateNode;
import io.bundlescope.parsers.LogLevel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a {@link LogQuery} into one non-scoring Lucene query: every filter is a FILTER clause
 * (OR inside a field, AND across fields), so no scores are computed and the query cache can
 * keep the filters' bitsets.
 */
final class QueryTranslator {
  private static final Analyzer QUERY_ANALYZER = MessageAnalyzer.forQuery();

  private QueryTranslator() {}

  /** The query; a regex in it may run for {@code regexBudget} in all, from now on. */
  static Query translate(LogQuery q, Duration regexBudget) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    terms(b, RecordDocuments.SERVICE, q.services(), Function.identity());
    terms(b, RecordDocuments.CVM_IP, q.cvmIps(), Function.identity());
    terms(b, RecordDocuments.IP, q.messageIps(), Function.identity());
    terms(b, RecordDocuments.FILENAME, q.filenames(), Function.identity());
    terms(b, RecordDocuments.LEVEL, q.levels(), LogLevel::name);
    List<Long> pids = present(q.pids());
    if (!pids.isEmpty()) b.add(LongPoint.newSetQuery(RecordDocuments.PID, pids), Occur.FILTER);
    List<Long> templates = present(q.templateIds());
    if (!templates.isEmpty()) b.add(LongPoint.newSetQuery(RecordDocuments.TEMPLATE, templates), Occur.FILTER);
    if (q.templateNodes() != null) b.add(templateNodes(q.templateNodes()), Occur.FILTER);
    if (q.startMicros() != null || q.endMicros() != null) b.add(timeRange(q), Occur.FILTER);
    if (q.text() != null && !q.text().isBlank()) b.add(text(q.text()), Occur.FILTER);
    if (q.regex() != null && !q.regex().isEmpty()) {
      b.add(new RegexFilterQuery(regex(q.regex()), new BudgetedText.Deadline(regexBudget.toNanos())),
          Occur.FILTER);
    }
    BooleanQuery query = b.build();
    return query.clauses().isEmpty() ? new MatchAllDocsQuery() : query;
  }

  /**
   * Records of any of the pairs: per node, (node AND template in its ids), OR'ed; pairs are not
   * a cross product of their templates and nodes, and one clause per node keeps the clause count
   * at the number of nodes whatever the number of templates. A null node is "no cvm_ip".
   */
  static Query templateNodes(Set<TemplateNode> pairs) {
    if (pairs.isEmpty()) return new MatchNoDocsQuery("no (template, node) pair");
    Map<String, List<Long>> byNode = new HashMap<>();
    for (TemplateNode p : pairs) byNode.computeIfAbsent(p.cvmIp(), k -> new ArrayList<>()).add(p.templateId());
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Map.Entry<String, List<Long>> e : byNode.entrySet()) {
      BooleanQuery.Builder one = new BooleanQuery.Builder();
      one.add(LongPoint.newSetQuery(RecordDocuments.TEMPLATE, e.getValue()), Occur.FILTER);
      if (e.getKey() != null) {
        one.add(new TermQuery(new Term(RecordDocuments.CVM_IP, e.getKey())), Occur.FILTER);
      } else {
        one.add(new FieldExistsQuery(RecordDocuments.CVM_IP), Occur.MUST_NOT);
      }
      any.add(one.build(), Occur.SHOULD);
    }
    return any.build();
  }

  /** [start, end): points for selective ranges, doc values when another clause leads. */
  private static Query timeRange(LogQuery q) {
    long lo = q.startMicros() == null ? Long.MIN_VALUE : q.startMicros();
    if (q.endMicros() != null && q.endMicros() == Long.MIN_VALUE) {
      return new MatchNoDocsQuery("empty time range");
    }
    long hi = q.endMicros() == null ? Long.MAX_VALUE : q.endMicros() - 1;
    if (lo > hi) return new MatchNoDocsQuery("empty time range");
    return new IndexOrDocValuesQuery(
        LongPoint.newRangeQuery(RecordDocuments.TIME, lo, hi),
        NumericDocValuesField.newSlowRangeQuery(RecordDocuments.TIME, lo, hi));
  }

  /**
   * @throws InvalidQueryException (param {@code regex}) for an invalid pattern
   */
  static Pattern regex(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new InvalidQueryException("regex", "invalid regex: " + e.getDescription()
          + " near index " + e.getIndex() + " of " + regex);
    }
  }

  private static <T> void terms(
      BooleanQuery.Builder b, String field, Collection<T> values, Function<T, String> text) {
    List<BytesRef> terms = present(values).stream().map(v -> new BytesRef(text.apply(v))).toList();
    if (terms.size() == 1) {
      b.add(new TermQuery(new Term(field, terms.get(0))), Occur.FILTER);
    } else if (!terms.isEmpty()) {
      b.add(new TermInSetQuery(field, terms), Occur.FILTER);
    }
  }

  private static <T> List<T> present(Collection<T> values) {
    return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
  }

  /**
   * Parses the full-text part: classic Lucene syntax over {@code message}, AND by default.
   * There is no field syntax: {@code refused:10.1.2.3} is searched as that literal text.
   *
   * @throws IllegalArgumentException on a syntax error or a text without searchable words
   */
  static Query text(String text) {
    QueryParser parser = new MessageQueryParser();
    parser.setDefaultOperator(QueryParser.Operator.AND);
    parser.setSplitOnWhitespace(true); // each whitespace-separated term is analyzed alone
    parser.setAutoGeneratePhraseQueries(true); // so "a1b2-c3d4" or "foo.cc:12" match as phrases
    Query parsed;
    try {
      parsed = parser.parse(text);
    } catch (ParseException e) {
      throw new IllegalArgumentException("invalid text query: " + firstSentence(e.getMessage()), e);
    }
    if (parsed == null || isEmpty(parsed)) {
      throw new IllegalArgumentException("text query has no searchable words: " + text);
    }
    return withPositiveClause(parsed);
  }

  private static boolean isEmpty(Query q) {
    return q instanceof BooleanQuery bq && bq.clauses().isEmpty();
  }

  /** A purely negative query ("NOT foo") matches nothing in Lucene: anchor it on all docs. */
  private static Query withPositiveClause(Query q) {
    if (!(q instanceof BooleanQuery bq)) return q;
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
    boolean positive = false;
    for (BooleanClause c : bq.clauses()) {
      b.add(withPositiveClause(c.getQuery()), c.getOccur());
      positive |= c.getOccur() != Occur.MUST_NOT;
    }
    if (!positive) b.add(new MatchAllDocsQuery(), Occur.FILTER);
    return b.build();
  }

  private static String firstSentence(String message) {
    int cut = message.indexOf("Was expecting");
    return (cut < 0 ? message : message.substring(0, cut)).replace('\n', ' ').trim();
  }

  /** Reads "x:y" as the text "x:y" and rejects other field-qualified syntax. */
  private static final class MessageQueryParser extends QueryParser {
    MessageQueryParser() {
      super(RecordDocuments.MESSAGE, QUERY_ANALYZER);
    }

    private boolean foreign(String field) {
      return !RecordDocuments.MESSAGE.equals(field);
    }

    private ParseException unsupported(String field) {
      return new ParseException(
          "field queries are not supported (" + field + ":...); quote text containing ':'");
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted)
        throws ParseException {
      String literal = foreign(field) ? field + ":" + queryText : queryText;
      return super.getFieldQuery(RecordDocuments.MESSAGE, literal, quoted);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
      if (foreign(field)) throw unsupported(field);
      return super.getPrefixQuery(field, termStr);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      if (foreign(field)) throw unsupported(field);
      return super.getWildcardQuery(field, termStr);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
        throws ParseException {
      if (foreign(field)) throw unsupported(field);
      return super.getFuzzyQuery(field, termStr, minSimilarity);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
      if (foreign(field)) throw unsupported(field);
      return super.getRegexpQuery(field, termStr);
    }

    @Override
    protected Query getRangeQuery(
        String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
        throws ParseException {
      if (foreign(field)) throw unsupported(field);
      return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
    }
  }
}
