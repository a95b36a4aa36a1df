package io.bundlescope.analyzers.health;

import java.util.List;

/** The score (0-100, 100 = nothing wrong seen) of one service on one node, with its reasons, largest penalty first. */
public record NodeHealth(String cvmIp, int score, List<Reason> reasons) {}
