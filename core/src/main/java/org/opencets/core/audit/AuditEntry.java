package org.opencets.core.audit;

/**
 * One recorded access or change: who did what, when, to which case, why, and how it ended.
 *
 * @param seq      position in the log, from 1, without gaps
 * @param at       when, as an ISO-8601 instant
 * @param actor    the user's name
 * @param action   what was done, e.g. {@code import}, {@code lookup}, {@code case.show}
 * @param caseId   the case concerned, or null
 * @param target   what was acted on (a case number, an identifier's display form — never a card number)
 * @param reason   the justification the user gave, or null
 * @param outcome  {@code ok}, {@code denied} or {@code error}
 * @param detail   a short summary of the result (counts, the error)
 * @param prevHash the previous entry's hash ({@link AuditChain#GENESIS} for the first)
 * @param hash     this entry's hash, chaining it to the previous one
 */
public record AuditEntry(long seq, String at, String actor, String action, Long caseId, String target,
                         String reason, String outcome, String detail, String prevHash, String hash) {
}
