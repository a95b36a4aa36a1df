package io.bundlescope.analyzers.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The masker's settings; what the default masker does is in {@code masking-spec.txt}. */
class MaskerTest {

  @Test
  void leavesADisabledKindAsWritten() {
    Masker masker = Masker.builder().disable(VariableKind.PATH).disable(VariableKind.NUMBER).build();
    assertEquals("open /var/log/messages after 3 tries from <IP>",
        masker.mask("open /var/log/messages after 3 tries from 10.0.0.1"));
  }

  @Test
  void masksOnlyTheChosenKinds() {
    Masker masker = Masker.builder().kinds(EnumSet.of(VariableKind.UUID)).build();
    assertEquals("vm <UUID> on 10.0.0.1 took 12ms",
        masker.mask("vm 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d on 10.0.0.1 took 12ms"));
  }

  @Test
  void masksNothingWhenNoneIsChosen() {
    String message = "PacketResponder 1 for block blk_38865049064139661 terminating";
    assertSame(message, Masker.none().mask(message));
  }

  @Test
  void masksShorterHexRunsWhenTold() {
    Masker masker = Masker.builder().hexMinLength(4).build();
    assertEquals("commit <HEX> merged", masker.mask("commit 9f3a merged"));
    assertEquals("commit 9f3a merged", Masker.defaults().mask("commit 9f3a merged"));
  }

  @Test
  void runsRegexRulesBeforeTheScanInTheirOrder() {
    Masker masker = Masker.builder()
        .rule(MaskRule.of("user", "user=\\S+", "user=<USER>"))
        .rule(MaskRule.of("dollars", "\\$\\d+", "<MONEY>"))
        .build();
    assertEquals("login user=<USER> from <IP> paid <MONEY>",
        masker.mask("login user=alice from 10.1.2.3 paid $30"));
  }

  @Test
  void takesARuleReplacementLiterally() {
    Masker masker = Masker.builder().rule(MaskRule.of("token", "token=\\w+", "token=$x\\")).build();
    assertEquals("auth token=$x\\ ok", masker.mask("auth token=abc ok"));
  }

  @Test
  void rejectsAHexLengthBelowTwo() {
    assertThrows(IllegalArgumentException.class, () -> Masker.builder().hexMinLength(1));
  }
}
