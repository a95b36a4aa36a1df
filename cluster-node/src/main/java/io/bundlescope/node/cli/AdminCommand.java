package io.bundlescope.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bundlescope.node.NodeFile;
import io.bundlescope.store.Backup;
import io.bundlescope.store.BackupManifest;
import io.bundlescope.store.Database;
import io.bundlescope.store.DatabaseSettings;
import io.bundlescope.store.Restore;
import io.bundlescope.store.StoreException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bundlescope admin backup|restore|reindex}. Without {@code --db-url} the database is found through the
 * node's {@code <data-dir>/node.json} (a running node's embedded PostgreSQL), or is the stopped node's embedded
 * PostgreSQL under {@code <data-dir>/pg}, which the command then starts itself.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
    description = "Back up and restore the PostgreSQL state; rebuild indexes from the bundles.",
    subcommands = {AdminCommand.BackupCommand.class, AdminCommand.RestoreCommand.class,
        AdminCommand.ReindexCommand.class})
final class AdminCommand implements Runnable {
  /** The {@code application_name} of the admin commands' connections (not a node's). */
  static final String APPLICATION_NAME = "bundlescope-admin";

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  /** Where the database is. */
  static final class DbOptions {
    @Option(names = "--data-dir", description = "The node's data directory (default ${DEFAULT-VALUE}).")
    Path dataDir = Path.of("data");

    @Option(names = "--db-url", description = "PostgreSQL JDBC URL (default: the node's database, from "
        + "<data-dir>/node.json or its embedded PostgreSQL; env BUNDLESCOPE_DB_URL).")
    String dbUrl = System.getenv("BUNDLESCOPE_DB_URL");

    @Option(names = "--db-user", description = "PostgreSQL user (env BUNDLESCOPE_DB_USER).")
    String dbUser = System.getenv("BUNDLESCOPE_DB_USER");

    @Option(names = "--db-password", description = "PostgreSQL password (env BUNDLESCOPE_DB_PASSWORD).")
    String dbPassword = System.getenv().getOrDefault("BUNDLESCOPE_DB_PASSWORD", "");

    /** The node of the data directory when it runs. */
    java.util.Optional<NodeFile> runningNode() {
      return NodeFile.read(dataDir).filter(NodeFile::isRunning);
    }

    /**
     * An external database to reach by JDBC: {@code --db-url}, or the one named in node.json when its node runs
     * or uses an external database; null for the stopped node's embedded PostgreSQL.
     */
    DatabaseSettings.External external() {
      if (dbUrl != null) return new DatabaseSettings.External(dbUrl, user("postgres"), dbPassword);
      return NodeFile.read(dataDir).filter(f -> f.isRunning() || !f.embeddedDb())
          .map(f -> new DatabaseSettings.External(f.jdbcUrl(), user(f.dbUser()), dbPassword))
          .orElse(null);
    }

    DatabaseSettings.Embedded embedded() {
      return new DatabaseSettings.Embedded(dataDir.resolve("pg"), 0);
    }

    private String user(String fallback) {
      return dbUser != null ? dbUser : fallback;
    }
  }

  static Connection connect(DatabaseSettings.External db) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", db.user());
    p.setProperty("password", db.password());
    p.setProperty("ApplicationName", APPLICATION_NAME);
    return DriverManager.getConnection(db.jdbcUrl(), p);
  }

  @Command(name = "backup", mixinStandardHelpOptions = true,
      description = "Write one consistent snapshot of every table (metadata, journal, ...) to a file, "
          + "while nodes keep running.")
  static final class BackupCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "The backup file to write.")
    Path out;

    @Mixin
    DbOptions db = new DbOptions();

    @Override
    public Integer call() throws Exception {
      PrintStream err = System.err;
      Backup backup = new Backup().onTable(t -> err.printf("  %-32s %,12d rows%n", t.qualifiedName(), t.rows()));
      long t0 = System.nanoTime();
      BackupManifest m;
      DatabaseSettings.External external = db.external();
      try {
        if (external != null) {
          try (Connection c = connect(external)) {
            m = backup.write(c, out);
          }
        } else {
          if (!Files.isDirectory(db.embedded().dataDir())) {
            err.println("no database under " + db.embedded().dataDir() + " and no running node in " + db.dataDir
                + ": nothing to back up (use --data-dir or --db-url)");
            return 2;
          }
          err.println("no node runs in " + db.dataDir + ": starting its embedded PostgreSQL for the backup");
          try (Database d = Database.start(db.embedded(), APPLICATION_NAME);
               Connection c = d.dataSource().getConnection()) {
            m = backup.write(c, out);
          }
        }
      } catch (StoreException | SQLException e) {
        err.println("backup failed: " + e.getMessage());
        return 1;
      }
      System.out.printf("backup %s: %,d rows in %d tables, schema version %s, %,d bytes, %.1f s%n", out,
          m.totalRows(), m.tables().size(), m.schemaVersion(), Files.size(out), (System.nanoTime() - t0) / 1e9);
      return 0;
    }
  }

  @Command(name = "restore", mixinStandardHelpOptions = true,
      description = "Load a backup into the database in one transaction. Every node using the database must be "
          + "stopped. The database must be at the backup's schema version and empty unless --force.")
  static final class RestoreCommand implements Callable<Integer> {
    @Option(names = "--in", required = true, description = "The backup file to read.")
    Path in;

    @Option(names = "--force", description = "Replace the contents of a database that is not empty.")
    boolean force;

    @Mixin
    DbOptions db = new DbOptions();

    @Override
    public Integer call() throws Exception {
      PrintStream err = System.err;
      if (!Files.isRegularFile(in)) {
        err.println("no backup file " + in);
        return 2;
      }
      var node = db.runningNode();
      if (node.isPresent()) {
        err.println("a node (pid " + node.get().pid() + ") is running in " + db.dataDir
            + ": stop every node using the database before restoring");
        return 2;
      }
      Restore restore = new Restore().force(force)
          .onTable(t -> err.printf("  %-32s %,12d rows%n", t.qualifiedName(), t.rows()));
      long t0 = System.nanoTime();
      BackupManifest m;
      DatabaseSettings.External external = db.external();
      try {
        if (external != null) {
          try (Connection c = connect(external)) {
            Restore.refuseWhileNodesAreConnected(c); // before migrating anything
          }
        }
        // Starting the database migrates it up to the backup's schema version: a fresh database gets the tables
        // of that version (the node migrates further when it starts); a database already past it is refused.
        String version = Restore.header(in).schemaVersion();
        try (Database d = Database.start(external != null ? external : db.embedded(), APPLICATION_NAME, version);
             Connection c = d.dataSource().getConnection()) {
          m = restore.restore(c, in);
        }
      } catch (StoreException | SQLException e) {
        err.println("restore failed: " + e.getMessage()
            + (e.getCause() != null && !e.getMessage().contains(String.valueOf(e.getCause().getMessage()))
                ? " (" + e.getCause().getMessage() + ")" : ""));
        return 1;
      }
      System.out.printf("restored %s: %,d rows in %d tables (backup of %s, schema version %s), %.1f s%n", in,
          m.totalRows(), m.tables().size(), m.createdAt(), m.schemaVersion(), (System.nanoTime() - t0) / 1e9);
      System.out.println("indexes are not in the backup: start the node, then run `bundlescope admin reindex --all`");
      return 0;
    }
  }

  @Command(name = "reindex", mixinStandardHelpOptions = true,
      description = "Rebuild indexes from the bundles through a running node: each analyzed bundle is indexed "
          + "again from its files under the same id (POST /logs/reindex), on the node its entity runs on.")
  static final class ReindexCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final class Which {
      @Option(names = "--log-bundle-id", description = "The bundle to reindex.")
      String id;

      @Option(names = "--all", description = "Every analyzed bundle.")
      boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--server", description = "Node URL (default: the running node of --data-dir, else "
        + "http://127.0.0.1:8080; env BUNDLESCOPE_URL).")
    String server = System.getenv("BUNDLESCOPE_URL");

    @Option(names = "--data-dir", description = "The node's data directory (default ${DEFAULT-VALUE}).")
    Path dataDir = Path.of("data");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws Exception {
      String base = server != null ? server
          : NodeFile.read(dataDir).filter(NodeFile::isRunning).map(NodeFile::httpUrl).orElse("http://127.0.0.1:8080");
      base = base.replaceAll("/+$", "");
      HttpResponse<String> listed;
      try {
        listed = http.send(HttpRequest.newBuilder(URI.create(base + "/logs/metadata")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (java.net.ConnectException e) {
        System.err.println("no Bundlescope node answers at " + base + " (start one with ./bundlescope run)");
        return 2;
      }
      if (listed.statusCode() != 200) {
        System.err.println("error " + listed.statusCode() + ": " + listed.body());
        return 1;
      }
      List<JsonNode> chosen = new ArrayList<>();
      for (JsonNode b : JSON.readTree(listed.body())) {
        boolean wanted = which.all ? b.path("status").asText().equals("completed")
            : b.path("log_bundle_id").asText().equals(which.id);
        if (wanted) chosen.add(b);
      }
      if (chosen.isEmpty()) {
        System.err.println(which.all ? "no bundles to reindex" : "no bundle " + which.id);
        return which.all ? 0 : 2;
      }
      int failed = 0;
      for (JsonNode b : chosen) {
        String path = b.path("log_bundle_path").asText();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/logs/reindex?log_bundle_id="
            + URLEncoder.encode(b.path("log_bundle_id").asText(), StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        if (r.statusCode() >= 400) {
          failed++;
          System.err.println(b.path("log_bundle_id").asText() + " " + path + ": error " + r.statusCode() + ": "
              + body.path("error_msg").asText(r.body()));
        } else {
          System.out.println(b.path("log_bundle_id").asText() + " " + body.path("status").asText() + " " + path);
        }
      }
      return failed == 0 ? 0 : 1;
    }
  }
}
