package org.opencets.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The engines store tests run on: always the embedded SQLite store, and PostgreSQL when the
 * environment names a server with {@code CETS_TEST_PG_URL} (a JDBC URL of a database the tests may
 * create databases from, e.g. {@code jdbc:postgresql://localhost:5432/postgres?user=cets&password=…}).
 * Each PostgreSQL test gets a database of its own.
 */
public final class TestDatabases {
    public static final String PG_ENV = "CETS_TEST_PG_URL";

    private TestDatabases() {
    }

    public static List<String> engines() {
        List<String> e = new ArrayList<>();
        e.add("sqlite");
        String pg = System.getenv(PG_ENV);
        if (pg != null && !pg.isBlank()) {
            e.add("postgresql");
        } else {
            System.err.println("[store tests] PostgreSQL tests skipped: set " + PG_ENV
                    + " to a PostgreSQL JDBC URL to run them (.ci/run does)");
        }
        return e;
    }

    /** A store configuration on a fresh database of the given engine. */
    public static StoreConfig fresh(String engine, Path home) {
        if (engine.equals("sqlite")) {
            return StoreConfig.embedded(home);
        }
        String admin = System.getenv(PG_ENV);
        String name = "cets_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + PG_ENV + ": " + e.getMessage(), e);
        }
        int q = admin.indexOf('?');
        String base = q < 0 ? admin : admin.substring(0, q);
        String params = q < 0 ? "" : admin.substring(q);
        String url = base.substring(0, base.lastIndexOf('/') + 1) + name + params;
        return new StoreConfig(home, url, null, null);
    }
}
