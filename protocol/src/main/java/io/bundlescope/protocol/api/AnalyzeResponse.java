package io.bundlescope.protocol.api;

/** Answer of {@code POST /logs/analyze}. */
public record AnalyzeResponse(String status, String logBundleId, String errorMsg) {}
