package io.bundlescope.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metadata database: an external PostgreSQL or an embedded one, migrated by Flyway
 * ({@code classpath:db/migration}: the Pekko journal and the bundle tables) and served through a Hikari pool.
 * Closing stops the pool and, in embedded mode, the postmaster; a shutdown hook does the same on JVM exit.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final Duration PG_STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration ORPHAN_TERM_GRACE = Duration.ofSeconds(15);
    private static final int HEALTH_TIMEOUT_SECONDS = 2;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded; // null when external
    private final HikariDataSource pool;
    private final Thread shutdownHook = new Thread(this::close, "bundlescope-db-shutdown");
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(String jdbcUrl, String user, String password, EmbeddedPostgres embedded, String applicationName) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.pool = newPool(jdbcUrl, user, password, applicationName);
    }

    /**
     * Starts (embedded) or connects to (external) the database and applies pending migrations.
     *
     * @throws StoreException if the server cannot be started or reached, or a migration fails
     */
    public static Database start(DatabaseSettings settings) {
        return start(settings, Restore.NODE_APPLICATION_NAME);
    }

    /**
     * Like {@link #start(DatabaseSettings)}, the pool's connections named {@code applicationName} in
     * {@code pg_stat_activity} (a node's are {@value Restore#NODE_APPLICATION_NAME}; admin commands use another).
     */
    public static Database start(DatabaseSettings settings, String applicationName) {
        return start(settings, applicationName, null);
    }

    /**
     * Like {@link #start(DatabaseSettings, String)}, migrating only up to {@code targetVersion} (null: the latest),
     * e.g. to restore a backup of an older schema version into a fresh database; a later start migrates the rest.
     */
    public static Database start(DatabaseSettings settings, String applicationName, String targetVersion) {
        Database db = settings instanceof DatabaseSettings.External e
                ? connectExternal(e, applicationName)
                : startEmbedded((DatabaseSettings.Embedded) settings, applicationName);
        try {
            var flyway = Flyway.configure().dataSource(db.pool).locations("classpath:db/migration");
            if (targetVersion != null) {
                flyway = flyway.target(targetVersion);
            }
            flyway.load().migrate();
        } catch (RuntimeException e) {
            db.close();
            throw new StoreException("migrating " + db.jdbcUrl + " failed", e);
        }
        Runtime.getRuntime().addShutdownHook(db.shutdownHook);
        return db;
    }

    private static Database connectExternal(DatabaseSettings.External e, String applicationName) {
        try {
            return new Database(e.jdbcUrl(), e.user(), e.password(), null, applicationName);
        } catch (RuntimeException ex) {
            throw new StoreException("connecting to " + e.jdbcUrl() + " failed", ex);
        }
    }

    private static Database startEmbedded(DatabaseSettings.Embedded s, String applicationName) {
        Path pgData = s.dataDir().toAbsolutePath().normalize();
        long t0 = System.nanoTime();
        EmbeddedPostgres pg;
        try {
            Files.createDirectories(pgData);
            OrphanedPostmaster.clear(pgData, ORPHAN_TERM_GRACE);
            pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(s.port())
                    .setPGStartupWait(PG_STARTUP_WAIT)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StoreException("starting embedded PostgreSQL in " + pgData + " failed", e);
        }
        log.info("Embedded PostgreSQL on port {} ({}) ready in {} ms",
                pg.getPort(), pgData, (System.nanoTime() - t0) / 1_000_000);
        String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
        try {
            return new Database(url, "postgres", "", pg, applicationName);
        } catch (RuntimeException e) {
            closeQuietly(pg);
            throw new StoreException("connecting to embedded PostgreSQL failed", e);
        }
    }

    private static HikariDataSource newPool(String url, String user, String password, String applicationName) {
        HikariConfig c = new HikariConfig();
        c.addDataSourceProperty("ApplicationName", applicationName);
        c.setPoolName("bundlescope-store");
        c.setJdbcUrl(url);
        c.setUsername(user);
        c.setPassword(password);
        c.setMaximumPoolSize(10);
        c.setConnectionTimeout(10_000);
        return new HikariDataSource(c);
    }

    /** The pooled data source for application queries. */
    public DataSource dataSource() {
        return pool;
    }

    /** JDBC url without credentials, e.g. for pekko-persistence-jdbc's Slick config. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    /** The password; empty for the embedded database (trust authentication on localhost). */
    public String password() {
        return password;
    }

    /**
     * {@code SELECT 1} on a fresh connection (not the pool, so a busy pool does not read as an outage),
     * giving up after about {@value #HEALTH_TIMEOUT_SECONDS} seconds.
     */
    public boolean isReachable() {
        if (closed.get()) {
            return false;
        }
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", Integer.toString(HEALTH_TIMEOUT_SECONDS));
        p.setProperty("loginTimeout", Integer.toString(HEALTH_TIMEOUT_SECONDS));
        p.setProperty("socketTimeout", Integer.toString(HEALTH_TIMEOUT_SECONDS));
        try (Connection c = DriverManager.getConnection(jdbcUrl, p);
             Statement st = c.createStatement()) {
            st.setQueryTimeout(HEALTH_TIMEOUT_SECONDS);
            try (ResultSet rs = st.executeQuery("SELECT 1")) {
                return rs.next() && rs.getInt(1) == 1;
            }
        } catch (SQLException e) {
            log.debug("Database {} unreachable: {}", jdbcUrl, e.getMessage());
            return false;
        }
    }

    /** Closes the pool, then stops the embedded postmaster. Idempotent. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // already shutting down (we may be the hook), or never registered
        }
        pool.close();
        if (embedded != null) {
            closeQuietly(embedded);
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            log.warn("Stopping embedded PostgreSQL failed", e);
        }
    }
}
