package io.bundlescope.analyzers.health;

import java.util.List;

/**
 * A service across its nodes: its score is its worst node's, with that node's reasons.
 *
 * @param worstCvmIp the node it is scored by
 * @param spread best node score minus worst (0: every node alike)
 * @param nodes worst first
 */
public record ServiceHealth(String service, int score, String worstCvmIp, int spread, List<Reason> reasons,
    List<NodeHealth> nodes) {}
