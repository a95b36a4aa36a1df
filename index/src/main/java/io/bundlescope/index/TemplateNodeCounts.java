package io.bundlescope.index;

import io.bundlescope.parsers.LogLevel;
import java.util.Map;

/**
 * How one message template shows on one node in the records a query matches.
 *
 * @param count its records
 * @param levels its records per level (levels without records are absent)
 * @param slots its records per time slot of the requested series (index 0 = the origin's slot)
 */
public record TemplateNodeCounts(long templateId, String cvmIp, long count, Map<LogLevel, Long> levels, int[] slots) {

  public TemplateNode pair() {
    return new TemplateNode(templateId, cvmIp);
  }

  /** Its ERROR and FATAL records. */
  public long errors() {
    return levels.getOrDefault(LogLevel.ERROR, 0L) + levels.getOrDefault(LogLevel.FATAL, 0L);
  }
}
