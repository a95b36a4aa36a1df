package io.bundlescope.parsers.line;

/**
 * One line format. Implementations reject a line on its first characters when they can, so
 * that trying every format on a continuation line costs a few comparisons, and they never
 * backtrack: scanning is linear in the line length.
 */
interface LineFormat {
  /** The header of line when a record of this format starts with it, else null; never throws. */
  Header parse(String line);
}
