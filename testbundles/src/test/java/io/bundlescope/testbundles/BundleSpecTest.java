package io.bundlescope.testbundles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BundleSpecTest {
  @Test
  void defaultsDescribeASmallThreeNodeClusterBundleOfOneDay() {
    BundleSpec spec = BundleSpec.builder().build();
    assertEquals(3, spec.nodes());
    assertEquals(Layout.TAR_GZ_OF_ZIPS, spec.layout());
    assertEquals(Instant.parse("2026-11-30T00:00:00Z"), spec.startTime());
    assertEquals(Instant.parse("2026-11-30T23:00:00Z"), spec.endTime());
    assertFalse(spec.sizedByBytes());
    assertTrue(spec.binaryFile() && spec.notALogFile() && spec.stackTraces()
        && spec.glogCopies() && spec.rotations());
  }

  @Test
  void sizingByRecordsAfterBytesSwitchesBack() {
    assertTrue(BundleSpec.builder().targetBytes(1 << 20).build().sizedByBytes());
    assertFalse(BundleSpec.builder().targetBytes(1 << 20).recordsPerNode(5).build()
        .sizedByBytes());
  }

  @Test
  void clusterIdIsNineteenDigitsAndFollowsTheSeed() {
    long id = BundleSpec.builder().seed(3).build().clusterId();
    assertEquals(19, Long.toString(id).length());
    assertEquals(id, BundleSpec.builder().seed(3).build().clusterId());
  }

  @Test
  void rejectsWhatCannotBeGenerated() {
    assertThrows(IllegalArgumentException.class, () -> BundleSpec.builder().nodes(0).build());
    assertThrows(IllegalArgumentException.class, () -> BundleSpec.builder().nodes(246).build());
    assertThrows(IllegalArgumentException.class,
        () -> BundleSpec.builder().recordsPerNode(-1).build());
    assertThrows(IllegalArgumentException.class,
        () -> BundleSpec.builder().duration(Duration.ZERO).build());
    assertThrows(IllegalArgumentException.class, () -> BundleSpec.builder()
        .startTime(Instant.parse("2026-12-31T12:00:00Z")).duration(Duration.ofDays(1)).build());
  }
}
