package io.bundlescope.analyzers.processes;

/**
 * The runs of one service on one node, counted.
 *
 * @param runs process runs found
 * @param restarts runs followed by another run ({@code runs - 1})
 * @param fatal runs that ended with a FATAL
 */
public record ServiceRestarts(String cvmIp, String service, int runs, int restarts, int fatal) {}
