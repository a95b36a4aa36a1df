package io.bundlescope.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.bundlescope.parsers.LogLevel;
import java.time.Duration;
import java.util.Locale;

/**
 * What ingest does with verbose records, per level group: INFO, and DEBUG with TRACE. WARN and
 * above are always indexed, and so are UNKNOWN-level records (a line whose level could not be
 * read may be anything, an error included: dropping or counting it would hide it).
 *
 * <p>Recorded with the bundle ({@code BundleSubmitted}), so a resumed or failed-over bundle
 * applies the same policy.
 *
 * @param info what happens to INFO records
 * @param debug what happens to DEBUG and TRACE records
 * @param countSlotMillis width of the time slots counted records are counted in (epoch-aligned)
 */
public record IngestPolicy(Mode info, Mode debug, long countSlotMillis) implements CborSerializable {

  /** Today's behaviour: every record indexed. Also the policy of bundles submitted before policies. */
  public static final IngestPolicy INDEX_ALL = new IngestPolicy(Mode.INDEX, Mode.INDEX, 60_000);

  public IngestPolicy {
    if (info == null) info = Mode.INDEX;
    if (debug == null) debug = Mode.INDEX;
    if (countSlotMillis <= 0) countSlotMillis = 60_000;
  }

  /** What happens to one record. */
  public enum Mode {
    /** Indexed: searchable, as before policies existed. */
    INDEX,
    /** Not indexed; counted per (template, node, service, level, time slot). */
    COUNT,
    /** Not indexed; counted only in the bundle's totals per level. */
    DROP;

    @JsonValue
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Mode parse(String text) {
      if (text == null) return null;
      return switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "index" -> INDEX;
        case "count" -> COUNT;
        case "drop" -> DROP;
        default -> throw new IllegalArgumentException("use index, count or drop, not '" + text + "'");
      };
    }
  }

  /**
   * What a submission asks for; null parts take the node's default ({@code
   * bundlescope.ingest.policy}).
   */
  public record Request(Mode info, Mode debug, Duration countSlot) implements CborSerializable {
    public static final Request DEFAULTS = new Request(null, null, null);
  }

  /** This policy with the request's parts replaced. */
  public IngestPolicy with(Request request) {
    return request == null ? this : with(request.info(), request.debug(), request.countSlot());
  }

  /** As JSON: {@code {"info": "count", "debug": "index", "count_slot_ms": 60000}}. */
  public String json() {
    return "{\"info\":\"" + info.wire() + "\",\"debug\":\"" + debug.wire() + "\",\"count_slot_ms\":"
        + countSlotMillis + "}";
  }

  /** The mode of a record of this level. */
  public Mode modeFor(LogLevel level) {
    return switch (level) {
      case INFO -> info;
      case DEBUG, TRACE -> debug;
      default -> Mode.INDEX;
    };
  }

  /** True when every record is indexed (no counting, no dropping). */
  public boolean indexesAll() {
    return info == Mode.INDEX && debug == Mode.INDEX;
  }

  /** Width of a count slot in microseconds (the index's unit of time). */
  public long countSlotMicros() {
    return countSlotMillis * 1000;
  }

  /** This policy with the given parts replaced; a null part is kept. */
  public IngestPolicy with(Mode newInfo, Mode newDebug, Duration newSlot) {
    return new IngestPolicy(newInfo != null ? newInfo : info, newDebug != null ? newDebug : debug,
        newSlot != null ? newSlot.toMillis() : countSlotMillis);
  }
}
