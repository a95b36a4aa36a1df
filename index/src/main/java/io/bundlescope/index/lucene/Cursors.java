package io.bundlescope.index.lucene;

import java.nio.ByteBuffer;
import java.util.Base64;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/**
 * The result order and its opaque paging cursors.
 *
 * <p>Records sort by (time, line number, id), all ascending or all descending; the id makes the
 * order total. A cursor holds the last returned record's sort values, never a Lucene doc id, so
 * it stays valid while the index grows or merges: the next page is "everything strictly after
 * this position". Layout, URL-safe base64 without padding: version byte, order byte ('a' or
 * 'd'), time (8 bytes), line (8 bytes), id (UTF-8, rest).
 */
final class Cursors {
  private static final byte VERSION = 1;
  private static final int HEADER = 2 + Long.BYTES * 2;
  private static final Sort ASCENDING = sort(false);
  private static final Sort DESCENDING = sort(true);

  /** A record's place in the order. */
  record Position(long time, long line, BytesRef id) implements Comparable<Position> {
    @Override
    public int compareTo(Position o) {
      int c = Long.compare(time, o.time);
      if (c == 0) c = Long.compare(line, o.line);
      return c != 0 ? c : id.compareTo(o.id);
    }
  }

  private Cursors() {}

  /** The order every partition is sorted by on disk: within a segment, doc id order. */
  static Sort indexSort() {
    return ASCENDING;
  }

  static Sort order(boolean descending) {
    return descending ? DESCENDING : ASCENDING;
  }

  private static Sort sort(boolean reverse) {
    return new Sort(
        new SortField(RecordDocuments.TIME, SortField.Type.LONG, reverse),
        new SortField(RecordDocuments.LINE, SortField.Type.LONG, reverse),
        new SortField(RecordDocuments.ID, SortField.Type.STRING, reverse));
  }

  static String encode(Position last, boolean descending) {
    BytesRef id = last.id();
    ByteBuffer buf = ByteBuffer.allocate(HEADER + id.length);
    buf.put(VERSION).put((byte) (descending ? 'd' : 'a'));
    buf.putLong(last.time()).putLong(last.line());
    buf.put(id.bytes, id.offset, id.length);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
  }

  /**
   * The position a cursor continues after.
   *
   * @throws IllegalArgumentException when the cursor is malformed or was made for the other order
   */
  static Position decode(String cursor, boolean descending) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw invalid("not base64url");
    }
    if (bytes.length < HEADER || bytes[0] != VERSION) throw invalid("unknown format");
    if (bytes[1] != (descending ? 'd' : 'a')) {
      throw invalid("it was made for the other sort order");
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes, 2, bytes.length - 2);
    long time = buf.getLong();
    long line = buf.getLong();
    return new Position(time, line, new BytesRef(bytes, HEADER, bytes.length - HEADER));
  }

  private static IllegalArgumentException invalid(String why) {
    return new IllegalArgumentException("invalid cursor: " + why);
  }
}
