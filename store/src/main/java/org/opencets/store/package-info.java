/**
 * The system of record: agencies, users, cases, evidence, records, identifiers, mentions, links,
 * alerts and the audit log, in SQLite (embedded default) or PostgreSQL (shared), through JDBC with
 * versioned Flyway migrations; the encrypted, content-addressed evidence store; the deployment's keys.
 */
package org.opencets.store;
