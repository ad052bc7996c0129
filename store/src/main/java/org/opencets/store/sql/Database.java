package org.opencets.store.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.HandleCallback;
import org.opencets.store.StoreConfig;
import org.opencets.store.StoreException;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database behind the store: a JDBC data source, JDBI on top of it, and the Flyway migrations.
 *
 * <p>Writes that must not interleave (imports and audit appends) run in {@link #inWriteTransaction},
 * which takes the store-wide writer lock: SQLite's {@code BEGIN IMMEDIATE}, or a PostgreSQL
 * transaction-scoped advisory lock. Imports are therefore serialised, which is what makes incremental
 * correlation exact: an import always sees every record committed before it.
 */
public final class Database {
    private final Dialect dialect;
    private final DataSource dataSource;
    private final Jdbi jdbi;

    private Database(Dialect dialect, DataSource dataSource) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        // optional filters bind a parameter that the query text may leave out
        this.jdbi.getConfig(org.jdbi.v3.core.statement.SqlStatements.class).setUnusedBindingAllowed(true);
    }

    public static Database open(StoreConfig config) {
        String url = config.effectiveUrl();
        if (url.startsWith("jdbc:sqlite:")) {
            SQLiteConfig c = new SQLiteConfig();
            c.setJournalMode(SQLiteConfig.JournalMode.WAL);
            // FULL: a commit is on disk before it returns, so an import reported done, and every
            // audit entry (whose head file is written after the commit), survive a power cut.
            // Measured 0.2 ms more per small commit; a bulk import pays nothing more, because its
            // commit checkpoints the log, which syncs it under NORMAL too.
            c.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            c.enforceForeignKeys(true);
            c.setBusyTimeout(30_000);
            c.setCacheSize(-262_144); // 256 MiB page cache
            c.setTempStore(SQLiteConfig.TempStore.MEMORY);
            c.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            createWithPageSize(url);
            SQLiteDataSource ds = new SQLiteDataSource(c);
            ds.setUrl(url);
            return new Database(Dialect.SQLITE, ds);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(url);
            if (config.dbUser() != null) {
                ds.setUser(config.dbUser());
            }
            if (config.dbPassword() != null) {
                ds.setPassword(config.dbPassword());
            }
            ds.setReWriteBatchedInserts(true);
            return new Database(Dialect.POSTGRESQL, ds);
        }
        throw new StoreException("unsupported database URL (expected jdbc:postgresql:… or the embedded default): "
                + url.replaceAll("password=[^&]*", "password=…"));
    }

    /** Page size of a new embedded store: 8 KiB pages made bulk imports 5-10 % faster than 4 KiB (same run). */
    static final int SQLITE_PAGE_SIZE = 8192;

    /**
     * Makes a new SQLite file with {@link #SQLITE_PAGE_SIZE} pages. The size is fixed when the file
     * is first written, and a WAL database cannot change it afterwards, so it is set here on a plain
     * connection before anything switches the file to WAL (the data source applies its settings in
     * no defined order). An existing file is left as it is, whatever its mode.
     *
     * <p>The file holds personal data in plain text, so a new one is created empty and owner-only
     * (0600) before SQLite opens it; SQLite gives its {@code -wal} and {@code -shm} companions the
     * main file's mode.
     */
    private static void createWithPageSize(String url) {
        java.nio.file.Path file = java.nio.file.Path.of(url.substring("jdbc:sqlite:".length()));
        try {
            if (java.nio.file.Files.exists(file) && java.nio.file.Files.size(file) > 0) {
                return;
            }
            if (!java.nio.file.Files.exists(file) && !file.toString().startsWith(":")) { // not ":memory:"
                org.opencets.store.keys.OwnerOnlyFiles.createFile(file);
            }
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the database " + file + ": " + e.getMessage(), e);
        }
        try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size = " + SQLITE_PAGE_SIZE);
            s.execute("PRAGMA journal_mode = WAL");
        } catch (SQLException e) {
            throw new StoreException("cannot create the database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Brings the schema to the latest version. */
    public void migrate() {
        migrateTo(null);
    }

    /**
     * The schema versions an existing store still needs ("4 (mentions in record)", …), oldest first;
     * empty for a store that is up to date or has no schema yet. For telling an administrator before
     * an upgrade that may take minutes.
     */
    public List<String> pendingUpgrades() {
        try {
            var info = flyway(null).info();
            if (info.applied().length == 0) {
                return List.of();
            }
            return java.util.Arrays.stream(info.pending())
                    .map(m -> m.getVersion() + " (" + m.getDescription() + ")")
                    .toList();
        } catch (FlywayException e) {
            throw new StoreException("cannot read the database schema's version: " + e.getMessage(), e);
        }
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations(dialect.migrationLocation())
                .failOnMissingLocations(true);
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    /** Brings the schema to the given version (null: the latest); tests use it to build older stores. */
    void migrateTo(String version) {
        try {
            flyway(version).migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot prepare the database schema: " + e.getMessage(), e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public <R> R read(HandleCallback<R, RuntimeException> callback) {
        return jdbi.withHandle(callback);
    }

    /** Runs the callback in one transaction holding the store-wide writer lock. */
    public <R> R inWriteTransaction(HandleCallback<R, RuntimeException> callback) {
        return jdbi.inTransaction(h -> {
            String lock = dialect.writerLock();
            if (lock != null) {
                h.execute(lock);
            }
            return callback.withHandle(h);
        });
    }

    /** Tests a connection, for a clear error at start rather than a stack trace later. */
    public void ping() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        } catch (SQLException e) {
            throw new StoreException("cannot connect to the database: " + e.getMessage(), e);
        }
    }

}
