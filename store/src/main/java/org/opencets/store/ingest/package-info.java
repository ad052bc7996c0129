/**
 * Ingest: writing one import's records, mentions and identifiers in bulk inside one transaction, and
 * correlating them against everything stored before.
 */
package org.opencets.store.ingest;
