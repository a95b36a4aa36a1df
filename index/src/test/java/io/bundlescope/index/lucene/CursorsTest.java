package io.bundlescope.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bundlescope.index.lucene.Cursors.Position;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class CursorsTest {
  private static Position hit(long time, long line, String id) {
    return new Position(time, line, new BytesRef(id));
  }

  @Test
  void roundTripsTheSortValues() {
    Position position = hit(-5L, 42L, "b1-000é7");
    assertEquals(position, Cursors.decode(Cursors.encode(position, true), true));
  }

  @Test
  void ordersPositionsByTimeThenLineThenId() {
    List<Position> sorted = List.of(hit(1, 9, "z"), hit(2, 1, "b"), hit(2, 1, "c"), hit(2, 3, "a"));
    List<Position> shuffled = new ArrayList<>(sorted);
    Collections.reverse(shuffled);
    Collections.sort(shuffled);
    assertEquals(sorted, shuffled);
  }

  @Test
  void isUrlSafe() {
    String cursor = Cursors.encode(hit(Long.MAX_VALUE, -1L, "?/+&="), false);
    assertTrue(cursor.matches("[A-Za-z0-9_-]+"), cursor);
  }

  @Test
  void rejectsGarbageTruncationAndOtherVersions() {
    String good = Cursors.encode(hit(1L, 2L, "x"), false);
    byte[] bytes = Base64.getUrlDecoder().decode(good);
    bytes[0] = 9;
    String otherVersion = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    for (String bad : new String[] {"%%%", good.substring(0, 10), otherVersion}) {
      assertThrows(IllegalArgumentException.class, () -> Cursors.decode(bad, false), bad);
    }
  }

  @Test
  void rejectsACursorOfTheOtherOrder() {
    String ascending = Cursors.encode(hit(1L, 2L, "x"), false);
    assertThrows(IllegalArgumentException.class, () -> Cursors.decode(ascending, true));
  }
}
