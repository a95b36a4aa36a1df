package io.bundlescope.analyzers.templates;

/**
 * The kinds of variable the {@link Masker} recognizes, each replaced by its placeholder. A
 * variable only starts where a word starts: at the start of the message or after a character
 * that is not a letter or digit ({@code _} counts as a separator, so {@code blk_-42} gives
 * {@code blk_<NUM>}), and it must end the same way, so {@code ext3}, {@code log4j} and
 * {@code 3rd} are left alone.
 */
public enum VariableKind {
  /** {@code scheme://anything-up-to-whitespace}, e.g. {@code hdfs://nn:8020/user/x}. */
  URL("<URL>"),
  /**
   * A date and/or time of day: ISO {@code 2017-05-16 00:00:00.008}, {@code 2017-05-16T00:00:00Z},
   * {@code 2017/05/16}, C {@code Fri Jun 17 07:07:00 2005}, syslog {@code Jun 17 07:07:00},
   * a bare {@code 07:07:00.123}.
   */
  TIME("<TIME>"),
  /** An absolute path: {@code /} then path characters, with at least one letter. */
  PATH("<PATH>"),
  /** {@code 8-4-4-4-12} hex digits, e.g. {@code 38101a0b-2096-447d-96ea-a692162415ae}. */
  UUID("<UUID>"),
  /** Dotted IPv4 with an optional {@code :port}, e.g. {@code 10.10.34.11:45307}. */
  IP("<IP>"),
  /**
   * {@code 0x} followed by hex digits, or a run of at least {@link Masker.Builder#hexMinLength}
   * hex digits that holds a digit and a letter, e.g. {@code 0x7f3a}, {@code 54fadb412c4e40cd}.
   */
  HEX("<HEX>"),
  /** A number with a time unit, Go style compounds included: {@code 12ms}, {@code 1.5s}, {@code 1h30m}. */
  DURATION("<DUR>"),
  /**
   * A number with a size unit: {@code 10KB}, {@code 1.5GiB}, {@code 512M}, {@code 64B}, and with
   * one space before a unit of bytes: {@code 5.2 KB}, {@code 93.0 B}, {@code 2165 bytes}.
   */
  SIZE("<SIZE>"),
  /** An integer or decimal with an optional sign, dotted groups included: {@code -86}, {@code 0.25}, {@code 1.2.3}. */
  NUMBER("<NUM>");

  private final String placeholder;

  VariableKind(String placeholder) {
    this.placeholder = placeholder;
  }

  /** The text that replaces a variable of this kind, e.g. {@code <NUM>}. */
  public String placeholder() {
    return placeholder;
  }
}
