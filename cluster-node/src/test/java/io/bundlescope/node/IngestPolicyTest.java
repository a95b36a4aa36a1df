package io.bundlescope.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.protocol.IngestPolicy;
import io.bundlescope.protocol.IngestPolicy.Mode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestPolicyTest {

  @Test
  void onlyInfoAndDebugTraceFollowThePolicyAndUnknownIsAlwaysIndexed() {
    IngestPolicy p = new IngestPolicy(Mode.COUNT, Mode.DROP, 60_000);
    assertThat(p.modeFor(LogLevel.INFO)).isEqualTo(Mode.COUNT);
    assertThat(p.modeFor(LogLevel.DEBUG)).isEqualTo(Mode.DROP);
    assertThat(p.modeFor(LogLevel.TRACE)).isEqualTo(Mode.DROP);
    for (LogLevel l : new LogLevel[] {LogLevel.FATAL, LogLevel.ERROR, LogLevel.WARN, LogLevel.UNKNOWN}) {
      assertThat(p.modeFor(l)).as(l.name()).isEqualTo(Mode.INDEX);
    }
  }

  @Test
  void theShippedDefaultIndexesEverythingInOneMinuteSlots() {
    IngestPolicy p = IngestPolicies.fromConfig(ConfigFactory.load().getConfig("bundlescope.ingest.policy"));
    assertThat(p).isEqualTo(IngestPolicy.INDEX_ALL);
    assertThat(p.indexesAll()).isTrue();
  }

  @Test
  void aRequestOverridesOnlyThePartsItNames() {
    IngestPolicy p = IngestPolicy.INDEX_ALL.with(new IngestPolicy.Request(Mode.COUNT, null, Duration.ofMinutes(5)));
    assertThat(p).isEqualTo(new IngestPolicy(Mode.COUNT, Mode.INDEX, 300_000));
  }

  @Test
  void theStoredJsonReadsBackAsThePolicy() {
    IngestPolicy p = new IngestPolicy(Mode.DROP, Mode.COUNT, 10_000);
    assertThat(IngestPolicies.fromJson(p.json())).isEqualTo(p);
    assertThat(IngestPolicies.fromJson(null)).isNull();
  }

  @Test
  void modesAreSpelledIndexCountOrDrop() {
    assertThat(Mode.parse(" Count ")).isEqualTo(Mode.COUNT);
    assertThat(Mode.COUNT.wire()).isEqualTo("count");
    assertThatThrownBy(() -> Mode.parse("sometimes")).isInstanceOf(IllegalArgumentException.class);
  }
}
