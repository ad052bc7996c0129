package org.opencets.app;

/**
 * No record (or link) of that id among those the acting user may see. The same answer, word for
 * word, whether the id does not exist or belongs to a case the user may not read: ids are
 * sequential, so "it is in a case not shared with you" would let anyone map another agency's ids
 * to its cases by probing. The audit log still tells the two apart ({@link #hidden()}), for the
 * administrators who read it.
 */
public final class NotFoundException extends IllegalArgumentException {
    private final transient String auditDetail;
    private final boolean hidden;
    private final Long hiddenCase;

    private NotFoundException(String message, boolean hidden, String auditDetail, Long hiddenCase) {
        super(message);
        this.hidden = hidden;
        this.auditDetail = auditDetail;
        this.hiddenCase = hiddenCase;
    }

    /** {@code hiddenIn}: the case holding the record when the user may not read it (else null). */
    static NotFoundException record(long id, org.opencets.core.cases.CaseFile hiddenIn) {
        return new NotFoundException("no record " + id + " in the cases you may read", hiddenIn != null,
                hiddenIn == null ? "no record " + id + " in the store" : "record " + id + " is in case "
                        + hiddenIn.qualifiedNumber() + ", which the user may not read",
                hiddenIn == null ? null : hiddenIn.id());
    }

    /** {@code a}, {@code b}: the cases a hidden link joins (else null). */
    static NotFoundException link(long id, org.opencets.core.cases.CaseFile a, org.opencets.core.cases.CaseFile b) {
        return new NotFoundException("no link " + id + " among the links you may see", a != null,
                a == null ? "no link " + id + " in the store" : "link " + id + " joins " + a.qualifiedNumber() + " and "
                        + b.qualifiedNumber() + ", neither of which the user may read",
                a == null ? null : a.id());
    }

    /**
     * The case the audit entry should name: the one holding what was probed, so that the agency
     * owning it reads the attempt in its own audit entries; null when nothing was hidden.
     */
    Long hiddenCase() {
        return hiddenCase;
    }

    /** True when the id exists but the user may not read it: audited as denied, not as an error. */
    boolean hidden() {
        return hidden;
    }

    /** What the audit log records: the truth, for administrators only. */
    String auditDetail() {
        return auditDetail;
    }
}
