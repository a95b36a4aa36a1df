package io.bundlescope.node.cli;

import io.bundlescope.node.Node;
import io.bundlescope.node.NodeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bundlescope run}: one node; with no database configured, an embedded PostgreSQL. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a Bundlescope node.")
final class RunCommand implements Callable<Integer> {

  @Option(names = "--host", description = "Address to bind (default ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "HTTP port (default ${DEFAULT-VALUE}).")
  int port = 8080;

  @Option(names = "--cluster-port", description = "Pekko Artery port (default ${DEFAULT-VALUE}).")
  int clusterPort = 25520;

  @Option(names = "--seed", description = "Seed node host:port of an existing cluster (repeatable).")
  List<String> seeds = new ArrayList<>();

  @Option(names = "--data-dir", description = "Where the node keeps its data (default ${DEFAULT-VALUE}).")
  Path dataDir = Path.of("data");

  @Option(names = "--db-url", description = "External PostgreSQL JDBC URL (default: embedded PostgreSQL; env BUNDLESCOPE_DB_URL).")
  String dbUrl = System.getenv("BUNDLESCOPE_DB_URL");

  @Option(names = "--db-user", description = "PostgreSQL user (env BUNDLESCOPE_DB_USER).")
  String dbUser = System.getenv().getOrDefault("BUNDLESCOPE_DB_USER", "postgres");

  @Option(names = "--db-password", description = "PostgreSQL password (env BUNDLESCOPE_DB_PASSWORD).")
  String dbPassword = System.getenv().getOrDefault("BUNDLESCOPE_DB_PASSWORD", "");

  @Option(names = "--db-port", description = "Port of the embedded PostgreSQL on localhost, so that other nodes "
      + "on this machine can use it with --db-url (default 0 = a free port, logged at start).")
  int dbPort = 0;

  @Option(names = "--allow-root", description = "Another folder bundles may be read from (repeatable; ./bundles always).")
  List<Path> allowRoots = new ArrayList<>();

  @Option(names = "--inbox", description = "Folder watched for new bundles (default ${DEFAULT-VALUE}).")
  Path inbox = Path.of("bundles", "inbox");

  @Override
  public Integer call() throws Exception {
    List<Path> roots = new ArrayList<>();
    roots.add(Path.of("bundles"));
    roots.addAll(allowRoots);
    if (!roots.stream().anyMatch(r -> inbox.toAbsolutePath().normalize().startsWith(r.toAbsolutePath().normalize()))) {
      roots.add(inbox);
    }
    var system = Node.start(new NodeSettings(host, port, clusterPort, seeds, dataDir.toAbsolutePath(),
        dbUrl, dbUser, dbPassword, dbPort, roots, inbox));
    system.getWhenTerminated().toCompletableFuture().join();
    return 0;
  }
}
