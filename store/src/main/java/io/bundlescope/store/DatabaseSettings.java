package io.bundlescope.store;

import java.nio.file.Path;
import java.util.Objects;

/** Where the metadata database lives: an external PostgreSQL, or an embedded one owned by this process. */
public sealed interface DatabaseSettings {

    /** An existing PostgreSQL reached by JDBC. */
    record External(String jdbcUrl, String user, String password) implements DatabaseSettings {
        public External {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(user, "user");
            password = password == null ? "" : password;
        }

        /** Never prints the password. */
        @Override
        public String toString() {
            return "External[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***]";
        }
    }

    /**
     * An embedded PostgreSQL whose cluster lives in {@code dataDir} (e.g. {@code <dataDir>/pg}) and survives restarts.
     *
     * @param port TCP port on localhost; 0 picks a free one at every start
     */
    record Embedded(Path dataDir, int port) implements DatabaseSettings {
        public Embedded {
            Objects.requireNonNull(dataDir, "dataDir");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    static DatabaseSettings external(String jdbcUrl, String user, String password) {
        return new External(jdbcUrl, user, password);
    }

    static DatabaseSettings embedded(Path dataDir, int port) {
        return new Embedded(dataDir, port);
    }
}
