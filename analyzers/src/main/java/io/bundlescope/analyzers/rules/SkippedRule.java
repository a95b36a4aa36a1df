package io.bundlescope.analyzers.rules;

/**
 * A rule that could not be judged on a bundle, and why: the files it reads are absent (a gap
 * in the evidence, not a clean bill) or its query cannot run.
 */
public record SkippedRule(String ruleId, String title, String reason) {}
