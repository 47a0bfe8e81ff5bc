package novalab.web.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The web lab's SQLite file in WAL mode, with {@code schema.sql} applied when it opens. One connection,
 * used by one thread at a time (each call holds the lock), which is what SQLite prefers for writers.
 */
public final class Database implements AutoCloseable {
    /** Reads one row. */
    @FunctionalInterface
    public interface RowMapper<T> { T map(ResultSet rs) throws SQLException; }

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> { T run(Database db) throws SQLException; }

    private final Path file;
    private final Connection conn;

    private Database(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
    }

    /** Opens (creating it and its folder when missing) the database at {@code file} and applies the schema. */
    public static Database open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=5000");
            }
            Database db = new Database(file, c);
            db.applySchema();
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() { return file; }

    private void applySchema() throws SQLException {
        String sql;
        try (InputStream in = Database.class.getResourceAsStream("schema.sql")) {
            if (in == null) throw new IllegalStateException("schema.sql is missing from the classpath");
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder stmt = new StringBuilder();
        try (Statement s = conn.createStatement()) {
            for (String line : sql.split("\n")) {
                String t = line.strip();
                if (t.startsWith("--") || t.isEmpty()) continue;
                stmt.append(line).append('\n');
                if (t.endsWith(";")) {
                    s.execute(stmt.toString());
                    stmt.setLength(0);
                }
            }
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public synchronized <T> T tx(Work<T> work) {
        try {
            conn.setAutoCommit(false);
            try {
                T t = work.run(this);
                conn.commit();
                return t;
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    /** Runs one INSERT/UPDATE/DELETE; returns the rows changed. */
    public synchronized int update(String sql, Object... args) {
        try (PreparedStatement ps = prepare(sql, args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    /** Runs a query and maps every row. */
    public synchronized <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) out.add(mapper.map(rs));
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    /** The first row of a query, if any. */
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = query(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement ps = conn.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
        return ps;
    }

    @Override
    public synchronized void close() {
        try {
            if (!conn.isClosed()) conn.close();
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }
}
