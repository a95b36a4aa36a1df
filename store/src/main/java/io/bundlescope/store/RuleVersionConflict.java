package io.bundlescope.store;

/** A change based on a version of a rule that is no longer the current one. */
public final class RuleVersionConflict extends RuntimeException {
    private final int currentVersion;

    public RuleVersionConflict(String ruleId, int expected, int current) {
        super("rule " + ruleId + " is at version " + current + ", not " + expected + ": reload it and apply the change again");
        this.currentVersion = current;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
