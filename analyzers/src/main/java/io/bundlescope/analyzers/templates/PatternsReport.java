package io.bundlescope.analyzers.templates;

import io.bundlescope.parsers.line.Header;
import io.bundlescope.parsers.line.HeaderParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code bundlescope patterns} prints: one CSV row per input line,
 * {@code line,template_id,template}, after a header row of those names.
 *
 * <ul>
 *   <li>Each line's message goes to one {@link TemplateMiner} shared by all files, so an id means
 *       the same template throughout the output.
 *   <li>Message of a line: with {@code messagesOnly} the whole line; otherwise the text after
 *       the header a {@link HeaderParser} (one per file) recognizes, or the whole line when it
 *       recognizes none (continuation lines, unknown formats).
 *   <li>{@code line} counts from 1 and runs on across files, as if they were concatenated: the
 *       first line of the second file follows the last line of the first. With one file it is
 *       that file's line number.
 *   <li>{@code template} is the template's text after all input was read, so every row of one
 *       id shows the same text (the most general form the template reached).
 *   <li>Fields are quoted as RFC 4180 says: those holding a comma, a double quote, CR or LF are
 *       put in double quotes, with quotes doubled. Rows end in LF.
 * </ul>
 *
 * Holds 8 bytes per input line until {@link #writeCsv}. Not thread-safe.
 */
public final class PatternsReport {
  private final TemplateMiner miner;
  private final boolean messagesOnly;
  private final int yearHint;
  private final Map<Long, String> lastText = new HashMap<>();
  private long[] ids = new long[1024];
  private int lines;

  /**
   * @param miner the miner to feed (fresh, or restored from a snapshot)
   * @param messagesOnly each line is a bare message, not a log line with a header
   */
  public PatternsReport(TemplateMiner miner, boolean messagesOnly) {
    this(miner, messagesOnly, Year.now(ZoneOffset.UTC).getValue());
  }

  PatternsReport(TemplateMiner miner, boolean messagesOnly, int yearHint) {
    this.miner = Objects.requireNonNull(miner, "miner");
    this.messagesOnly = messagesOnly;
    this.yearHint = yearHint;
  }

  /** Reads every line of one file (the reader is not closed). */
  public void read(BufferedReader in) throws IOException {
    HeaderParser headers = messagesOnly ? null : new HeaderParser(yearHint, ZoneOffset.UTC);
    for (String line; (line = in.readLine()) != null; ) add(line, headers);
  }

  private void add(String line, HeaderParser headers) {
    String message = line;
    if (headers != null) {
      Header header = headers.parse(line);
      if (header != null) message = line.substring(Math.min(header.messageStart(), line.length()));
    }
    InsertResult result = miner.add(message);
    if (result.change() != ChangeType.NONE) lastText.put(result.templateId(), result.template());
    if (lines == ids.length) ids = Arrays.copyOf(ids, lines * 2);
    ids[lines++] = result.templateId();
  }

  /** Lines read so far. */
  public int lines() {
    return lines;
  }

  /** The header row and one row per line read, in input order. */
  public void writeCsv(Writer out) throws IOException {
    out.write("line,template_id,template\n");
    Map<Long, String> texts = new HashMap<>();
    for (int i = 0; i < lines; i++) {
      long id = ids[i];
      String text = texts.computeIfAbsent(id,
          k -> csvField(miner.template(k).map(Template::text).orElse(lastText.get(k))));
      out.write(Integer.toString(i + 1));
      out.write(',');
      out.write(Long.toString(id));
      out.write(',');
      out.write(text);
      out.write('\n');
    }
    out.flush();
  }

  /** One CSV field, quoted when it holds a comma, a quote, CR or LF. */
  static String csvField(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return '"' + value.replace("\"", "\"\"") + '"';
      }
    }
    return value;
  }
}
