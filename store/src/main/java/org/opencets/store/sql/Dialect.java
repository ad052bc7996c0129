package org.opencets.store.sql;

/** The two database engines, and the few statements that differ between them. */
public enum Dialect {
    SQLITE, POSTGRESQL;

    /** Statement that takes the store-wide writer lock inside the current transaction, or null. */
    String writerLock() {
        return this == POSTGRESQL ? "SELECT pg_advisory_xact_lock(727274)" : null;
    }

    String migrationLocation() {
        return this == POSTGRESQL ? "classpath:db/migration/postgresql" : "classpath:db/migration/sqlite";
    }
}
