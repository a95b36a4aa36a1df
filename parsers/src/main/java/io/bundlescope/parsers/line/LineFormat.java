package io.bundlescope.parsers.line;

/**
 * One line format. Implementations reject a line on its first characters when they can, so
 * that trying every format on a continuation line costs a few comparisons, and they never
 * backtrack: scanning is linear in the line length. {@link #firstChars} lets
 * {@link HeaderParser} skip a format without calling it at all.
 */
interface LineFormat {
  String DIGITS = "0123456789";
  String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  String LOWER = "abcdefghijklmnopqrstuvwxyz";
  /** First letters of the English month abbreviations. */
  String MONTH_INITIALS = "JFMASOND";

  /** The header of line when a record of this format starts with it, else null; never throws. */
  Header parse(String line);

  /**
   * Every character a line this format accepts can start with, all ASCII: a line starting with
   * any other character is never passed to {@link #parse}.
   */
  String firstChars();
}
