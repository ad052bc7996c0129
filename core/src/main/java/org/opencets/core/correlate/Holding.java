package org.opencets.core.correlate;

/**
 * One case's holding of an identifier: how many of its records mention it, and the first of them.
 */
public record Holding(long caseId, long mentions, long firstRecord, String firstRole) {
}
