/**
 * The Lucene 9 implementation of {@link io.bundlescope.index.LogStore}.
 *
 * <ul>
 *   <li>{@link io.bundlescope.index.lucene.LuceneLogStore}: one index directory per bundle under
 *       a root, {@code <root>/<bundleId>/}; open partitions cached; multi-bundle queries over a
 *       MultiReader.
 *   <li>{@code BundlePartition}: IndexWriter + near-real-time SearcherManager, or a read-only
 *       SearcherManager for a bundle on disk. Never commits on close.
 *   <li>{@code RecordDocuments}: the schema, LogRecord &lt;-&gt; Document.
 *   <li>{@code MessageAnalyzer}: UAX#29 words, lower-cased, no stop words; ':' separates words;
 *       dotted names are also indexed by parts.
 *   <li>{@code QueryTranslator}: LogQuery -&gt; one non-scoring query; classic query syntax on
 *       the message, AND by default.
 *   <li>{@code SortedTopHits} and {@code Cursors}: pages in (time, line, id) order read off the
 *       index sort, and the opaque cursors holding the last record's sort values.
 *   <li>{@code FieldCounts}: exact group counts from doc values ordinals.
 *   <li>{@code TimeSlots} (one pass over the matches, doc values) and {@code SortedTimeCounts}
 *       (time-only queries: binary searches on the index sort), assembled by {@code
 *       HistogramAssembly}: histograms and heatmaps.
 *   <li>{@code FileNeighbours}: a record's neighbours in its file (its chunk), by line number.
 *   <li>{@code MessageIps}: the IPv4 addresses of a message, indexed as {@code ip} terms.
 *   <li>{@code RegexFilterQuery} + {@code BudgetedText}: a regex verified on the narrowed set
 *       within a time budget.
 *   <li>{@code Highlights}: where a text query matches in a message.
 * </ul>
 *
 * <p>Invariants: every segment is sorted by (time, line_number, id) ascending (the IndexWriter's
 * index sort), which the search path relies on; a cursor never contains a Lucene doc id; only
 * {@code commit()} makes records durable.
 */
package io.bundlescope.index.lucene;
