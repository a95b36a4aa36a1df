package io.bundlescope.node.live;

import com.typesafe.config.ConfigFactory;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import io.bundlescope.protocol.LiveEvent;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.SerializationTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Live events cross nodes (the topic forwards them): each survives the node's CBOR serializer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveEventSerializationTest {
  private final ActorTestKit testKit = ActorTestKit.create(ConfigFactory.parseString(
      "pekko.actor.serialization-bindings { \"io.bundlescope.protocol.CborSerializable\" = jackson-cbor }"));

  @AfterAll
  void stop() {
    testKit.shutdownTestKit();
  }

  @Test
  void everyLiveEventRoundTripsThroughCbor() {
    SerializationTestKit serialization = testKit.serializationTestKit();
    LogRecord record = new LogRecord("r1", "b1", "Check failed\n  at x", "stargate", "stargate.FATAL",
        "PE/stargate.FATAL", 1_796_083_200_123_456L, "F1201 00:00:00.123456", LogLevel.FATAL, "stargate.FATAL",
        null, null, 0, 3, "c1");
    for (LiveEvent event : List.of(new LiveEvent.RecordsParsed(List.of(record)),
        new LiveEvent.CellsCounted(60_000, List.of(new LiveEvent.Cell(null, "stargate", "FATAL", 120_000, 2))),
        new LiveEvent.RecordsDropped(Map.of("ERROR", 3L)), new LiveEvent.Progressed(10, 4, 1000, 400, 77),
        new LiveEvent.RulesHit(true, List.of(new LiveEvent.Hit("disk-full", 2, "Disk full", "critical", null,
            1_796_083_200_000_000L, 1_796_083_260_000_000L, 4, List.of("r1", "r2")))),
        new LiveEvent.Ended("failed", "not an archive"))) {
      serialization.verifySerialization(event, true);
    }
  }
}
