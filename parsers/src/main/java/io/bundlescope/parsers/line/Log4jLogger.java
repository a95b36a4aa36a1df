package io.bundlescope.parsers.line;

/**
 * The {@code %c: %m} tail that log4j patterns of Hadoop-family services end with
 * ({@code dfs.DataNode$PacketResponder: msg}, {@code executor.Executor: msg}).
 */
final class Log4jLogger {
  private Log4jLogger() {}

  /**
   * Where the message starts when the token at i is a logger name ending in ':' (followed by a
   * space or the end of the line): after it; else at i.
   */
  static int messageStart(String s, int i) {
    int end = Scan.tokenEnd(s, i);
    return end - i >= 2 && s.charAt(end - 1) == ':' ? Scan.afterSpace(s, end) : i;
  }
}
