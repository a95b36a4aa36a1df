package io.bundlescope.index;

/** One group of an aggregation. */
public record Bucket(String key, long count) {}
