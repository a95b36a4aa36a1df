package io.bundlescope.parsers;

import java.util.List;

/**
 * What parsing one file produced.
 *
 * @param outcome whether the file was parsed or why it was skipped
 * @param lines physical lines read
 * @param records records emitted to the sink
 * @param droppedCopies glog records skipped because a higher-severity file holds them
 * @param bytes decompressed bytes read
 * @param warnings human-readable problems found in the file (truncated lines, orphan lines...)
 */
public record FileStats(
    Outcome outcome, long lines, long records, long droppedCopies, long bytes, List<String> warnings) {

  public enum Outcome { PARSED, EMPTY, BINARY_SKIPPED, NOT_A_LOG }
}
