/**
 * Line formats: {@link io.bundlescope.parsers.line.HeaderParser} tells whether a line starts a
 * record and reads its {@link io.bundlescope.parsers.line.Header}, trying one
 * {@code LineFormat} per supported format. {@link io.bundlescope.parsers.FileParser} drives it
 * over a whole file. Pure Java, no allocation when a line is rejected.
 */
package io.bundlescope.parsers.line;
