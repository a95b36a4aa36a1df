package io.bundlescope.node.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IngestRateTest {
  @Test
  void isUnknownUntilSomethingWasIngested() {
    IngestRate rate = new IngestRate(3);
    assertThat(rate.bytesPerSecond()).isZero();
    rate.recordBusy(0, 1.0); // staging: busy, nothing journaled yet
    assertThat(rate.bytesPerSecond()).isZero();
  }

  @Test
  void averagesOverTheLastBusyIntervalsOnly() {
    IngestRate rate = new IngestRate(3);
    rate.recordBusy(100, 1.0);
    rate.recordBusy(0, 1.0);
    rate.recordBusy(200, 2.0);
    assertThat(rate.bytesPerSecond()).isEqualTo(75); // 300 bytes in 4 s
    rate.recordBusy(400, 1.0); // the first interval leaves the window
    assertThat(rate.bytesPerSecond()).isEqualTo(150); // 600 bytes in 4 s
  }

  @Test
  void ignoresEmptyIntervalsAndRefusesAnEmptyWindow() {
    IngestRate rate = new IngestRate(1);
    rate.recordBusy(50, 0);
    assertThat(rate.bytesPerSecond()).isZero();
    assertThatThrownBy(() -> new IngestRate(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
