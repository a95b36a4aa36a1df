package io.bundlescope.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The repositories' JDBC plumbing: statements with positional arguments, rows, transactions. */
final class Jdbc {
    /** Maps the current row of a result set. */
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work inside one transaction. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource ds;

    Jdbc(DataSource ds) {
        this.ds = ds;
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try (Connection c = ds.getConnection()) {
            return query(c, sql, mapper, args);
        } catch (SQLException e) {
            throw new StoreException("query failed: " + firstLine(sql), e);
        }
    }

    static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) rows.add(mapper.map(rs));
            return rows;
        }
    }

    int execute(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("statement failed: " + firstLine(sql), e);
        }
    }

    static int execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException(what + " failed", e);
        }
    }

    static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                ps.setNull(i + 1, Types.NULL); // untyped: the server infers the column's type
            } else {
                ps.setObject(i + 1, args[i]);
            }
        }
        return ps;
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static String firstLine(String sql) {
        return sql.strip().lines().findFirst().orElse(sql);
    }
}
