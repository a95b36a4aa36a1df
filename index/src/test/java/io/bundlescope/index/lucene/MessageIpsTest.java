package io.bundlescope.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageIpsTest {
  @Test
  void findsAddressesAnywhereInTheText() {
    assertEquals(List.of("10.1.2.3", "192.168.0.254"),
        MessageIps.find("connect to 10.1.2.3:9160 from /192.168.0.254, retry 10.1.2.3"));
    assertEquals(List.of("8.8.8.8"), MessageIps.find("peer=8.8.8.8"));
    assertEquals(List.of("1.2.3.4"), MessageIps.find("(1.2.3.4)"));
    assertEquals(List.of("10.0.0.1"), MessageIps.find("lost 10.0.0.1."));
  }

  @Test
  void ignoresVersionsLongRunsAndOutOfRangeParts() {
    assertEquals(List.of(), MessageIps.find("version 1.2.3.4.5 and 1.2.3 and 256.1.1.1 and 1.2.3.4444"));
    assertEquals(List.of(), MessageIps.find("v1.2.3.4 x1.2.3.4y 1.2.3.4a"));
    assertEquals(List.of(), MessageIps.find(""));
  }
}
