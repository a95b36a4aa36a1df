package io.bundlescope.protocol.api;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

/**
 * {@code /logs/templates}: the message templates of the records a query matches, largest count
 * first.
 *
 * @param total how many templates matched (the list may be cut at the limit)
 */
public record TemplatesResponse(long total, List<Entry> templates) {

  /**
   * @param template the template's text: {@code <*>} where messages differ, placeholders such as
   *     {@code <NUM>} or {@code <IP>} where the masker saw a variable
   * @param newInBundle first mined in this bundle (unknown before it on this node)
   * @param counted how many of {@code count} are counted, not indexed (the ingest policy's
   *     {@code count}); their times are their count slots' starts
   */
  public record Entry(long templateId, String template, long count, Instant firstTime, Instant lastTime,
      SortedSet<String> nodes, SortedSet<String> services, boolean newInBundle, long counted) {}
}
