package io.bundlescope.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import io.bundlescope.protocol.IngestPolicy;
import io.bundlescope.protocol.IngestPolicy.Mode;

/** The node's default ingest policy ({@code bundlescope.ingest.policy}) and a bundle's stored one. */
final class IngestPolicies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private IngestPolicies() {}

  /** From {@code bundlescope.ingest.policy}: {@code info}, {@code debug}, {@code count-slot}. */
  static IngestPolicy fromConfig(Config policy) {
    long slot = policy.getDuration("count-slot").toMillis();
    if (slot < 1) throw new IllegalArgumentException("bundlescope.ingest.policy.count-slot must be at least 1ms");
    return new IngestPolicy(Mode.parse(policy.getString("info")), Mode.parse(policy.getString("debug")), slot);
  }

  /** The policy stored in {@code log_bundles.ingest_policy} ({@link IngestPolicy#json()}), or null. */
  static IngestPolicy fromJson(String json) {
    if (json == null) return null;
    try {
      JsonNode n = JSON.readTree(json);
      return new IngestPolicy(Mode.parse(n.path("info").asText("index")), Mode.parse(n.path("debug").asText("index")),
          n.path("count_slot_ms").asLong(60_000));
    } catch (Exception e) {
      return null;
    }
  }
}
