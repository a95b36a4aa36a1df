package io.bundlescope.protocol.api;

/**
 * Answer to {@code POST /cluster/members/{node}/drain|undrain|leave|down}: what was asked of
 * which node. Leave and down are asynchronous; follow the member in {@code GET /cluster/members}.
 *
 * @param node the member's HTTP {@code host:port}
 * @param action drain, undrain, leave or down
 * @param draining for drain/undrain: whether the node now says it is draining
 * @param detail what happens next
 */
public record ClusterAction(String node, String action, Boolean draining, String detail) {}
