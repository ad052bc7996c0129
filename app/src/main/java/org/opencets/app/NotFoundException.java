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

    private NotFoundException(String message, boolean hidden, String auditDetail) {
        super(message);
        this.hidden = hidden;
        this.auditDetail = auditDetail;
    }

    static NotFoundException record(long id, String hiddenIn) {
        return new NotFoundException("no record " + id + " in the cases you may read", hiddenIn != null,
                hiddenIn == null ? "no record " + id + " in the store" : "record " + id + " is in case " + hiddenIn
                        + ", which the user may not read");
    }

    static NotFoundException link(long id, String hiddenBetween) {
        return new NotFoundException("no link " + id + " among the links you may see", hiddenBetween != null,
                hiddenBetween == null ? "no link " + id + " in the store" : "link " + id + " joins " + hiddenBetween
                        + ", neither of which the user may read");
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
