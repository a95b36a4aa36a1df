package io.bundlescope.protocol;

/**
 * Marker for every message and event that crosses a node boundary or is persisted; bound to
 * Jackson CBOR in {@code pekko.actor.serialization-bindings}.
 */
public interface CborSerializable {}
