package io.bundlescope.node;

import java.nio.file.Path;
import java.util.List;

/**
 * How a node is started, from the command line (see {@code RunCommand}).
 *
 * @param host address the HTTP API and the cluster bind to
 * @param httpPort HTTP API port
 * @param clusterPort Artery port (0 = pick a free one)
 * @param seedNodes cluster seed addresses {@code host:port}; empty = this node founds the cluster
 * @param dataDir everything this node writes lives here (index, staging, embedded PostgreSQL)
 * @param dbUrl external PostgreSQL JDBC URL, or null for the embedded one
 * @param allowedRoots folders bundles may be read from
 * @param inbox folder watched for new bundles, or null to not watch
 */
public record NodeSettings(
    String host,
    int httpPort,
    int clusterPort,
    List<String> seedNodes,
    Path dataDir,
    String dbUrl,
    String dbUser,
    String dbPassword,
    List<Path> allowedRoots,
    Path inbox) {

  public String nodeName() {
    return host + ":" + httpPort;
  }
}
