package org.opencets.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the store lives.
 *
 * @param home      the data directory (keys, evidence, and for the embedded default the database)
 * @param jdbcUrl   null for the embedded SQLite file {@code home/cets.db}, else a PostgreSQL JDBC URL
 * @param dbUser    database user for PostgreSQL, or null
 * @param dbPassword database password for PostgreSQL, or null; never logged
 */
public record StoreConfig(Path home, String jdbcUrl, String dbUser, String dbPassword) {
    public StoreConfig {
        Objects.requireNonNull(home, "home");
        home = home.toAbsolutePath().normalize();
    }

    public static StoreConfig embedded(Path home) {
        return new StoreConfig(home, null, null, null);
    }

    /**
     * From the environment: {@code CETS_HOME} (default {@code ./cets-data}), {@code CETS_DB_URL},
     * {@code CETS_DB_USER}, {@code CETS_DB_PASSWORD}.
     */
    public static StoreConfig fromEnvironment(Map<String, String> env) {
        String home = env.getOrDefault("CETS_HOME", "cets-data");
        String url = env.get("CETS_DB_URL");
        return new StoreConfig(Path.of(home), url == null || url.isBlank() ? null : url,
                env.get("CETS_DB_USER"), env.get("CETS_DB_PASSWORD"));
    }

    public boolean embedded() {
        return jdbcUrl == null;
    }

    public String effectiveUrl() {
        return embedded() ? "jdbc:sqlite:" + home.resolve("cets.db") : jdbcUrl;
    }

    @Override
    public String toString() {
        return "StoreConfig[home=" + home + ", url=" + effectiveUrl() + "]"; // never the password
    }
}
