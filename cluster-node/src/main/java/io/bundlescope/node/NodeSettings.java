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
 * @param dbPort port of the embedded PostgreSQL on localhost (0 = pick a free one); other nodes
 *     on this machine reach it with {@code --db-url jdbc:postgresql://localhost:PORT/postgres}
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
    int dbPort,
    List<Path> allowedRoots,
    Path inbox) {

  /** Settings with the embedded database on a free port. */
  public NodeSettings(String host, int httpPort, int clusterPort, List<String> seedNodes, Path dataDir,
      String dbUrl, String dbUser, String dbPassword, List<Path> allowedRoots, Path inbox) {
    this(host, httpPort, clusterPort, seedNodes, dataDir, dbUrl, dbUser, dbPassword, 0, allowedRoots, inbox);
  }

  public String nodeName() {
    return host + ":" + httpPort;
  }
}
