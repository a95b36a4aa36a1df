package io.bundlescope.analyzers.rules;

/** A record that matched a rule's step: when, on which node (null if unknown), and its id. */
public record Occurrence(long timeMicros, String node, String recordId) {}
