/**
 * {@code cets resolve}: person resolution over CSV files, outside the store — deduplicate one file or
 * link two, write each record's person and the matched pairs. The command-line contract (columns,
 * outputs, the fixed default threshold) is documented in {@code docs/RESOLUTION.md}; the engine is
 * {@link org.opencets.core.resolve}.
 */
package org.opencets.cli.resolve;
