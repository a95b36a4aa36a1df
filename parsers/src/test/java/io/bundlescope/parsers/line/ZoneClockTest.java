package io.bundlescope.parsers.line;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZoneClockTest {

  /**
   * The hour cache must give what java.time gives for every wall-clock time, gaps and overlaps
   * included: zones with hour, half-hour and midnight transitions, and fixed ones.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Europe/Paris", "America/Sao_Paulo", "Australia/Lord_Howe",
      "America/Los_Angeles", "Asia/Kolkata", "UTC", "+05:30"})
  void agreesWithJavaTimeAcrossTwoYears(String id) {
    ZoneId zone = ZoneId.of(id);
    ZoneClock clock = new ZoneClock(zone);
    LocalDateTime end = LocalDateTime.of(2021, 1, 1, 0, 0);
    for (LocalDateTime t = LocalDateTime.of(2018, 1, 1, 0, 0, 7); t.isBefore(end);
        t = t.plusSeconds(433)) {
      long expected = Times.zonedMicros(t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
          t.getHour(), t.getMinute(), t.getSecond(), 250, zone);
      assertEquals(expected, clock.micros(t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
          t.getHour(), t.getMinute(), t.getSecond(), 250), t::toString);
    }
  }
}
