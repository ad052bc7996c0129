package org.opencets.core.cases;

/**
 * The need-to-know rules, in one place.
 *
 * <ul>
 *   <li>A user reads a case of their own agency, or a case shared with the whole network.</li>
 *   <li>A user writes (imports into, changes) a case of their own agency if they are an investigator
 *       or an administrator; an administrator may also write any case, for set-up, and is audited.</li>
 *   <li>Of any other case a user learns only a {@link Pointer}: agency, case number and lead contact.</li>
 *   <li>A person link between two cases is judged (confirmed or rejected) by anyone who reads both,
 *       and otherwise from either side: by an investigator or administrator of the agency that owns
 *       one of the two cases, or by that case's lead. They judge from their own record, the link's
 *       strength and the other side's pointer (whose lead they can call), never from the other
 *       side's content.</li>
 * </ul>
 */
public final class NeedToKnow {
    private NeedToKnow() {
    }

    public static boolean canRead(Investigator user, CaseFile c) {
        return c.sharing() == Sharing.NETWORK || c.agency().id() == user.agency().id();
    }

    public static boolean canWrite(Investigator user, CaseFile c) {
        if (user.has(Role.ADMIN)) {
            return true;
        }
        return user.has(Role.INVESTIGATOR) && c.agency().id() == user.agency().id();
    }

    /**
     * May the user confirm or reject a person link between cases {@code a} and {@code b}? A link
     * whose two cases belong to agencies that share neither with the other would otherwise have
     * nobody to judge it, though a person must be able to judge every link.
     */
    public static boolean canJudgePersonLink(Investigator user, CaseFile a, CaseFile b) {
        if (canRead(user, a) && canRead(user, b)) {
            return true;
        }
        return judgesFor(user, a) || judgesFor(user, b);
    }

    /** Speaks for its case: an investigator or administrator of its agency, or its lead. */
    private static boolean judgesFor(Investigator user, CaseFile c) {
        if (c.agency().id() != user.agency().id()) {
            return false;
        }
        return user.has(Role.INVESTIGATOR) || user.has(Role.ADMIN) || c.lead().id() == user.id();
    }

    /** What someone without access learns of a case. */
    public record Pointer(String agencyCode, String agencyName, String caseNumber, String leadName, String leadContact) {
        public static Pointer of(CaseFile c) {
            return new Pointer(c.agency().code(), c.agency().name(), c.number(), c.lead().name(),
                    c.lead().contact() == null ? "" : c.lead().contact());
        }

        @Override
        public String toString() {
            return agencyCode + " case " + caseNumber + " — contact " + leadName
                    + (leadContact.isEmpty() ? "" : " (" + leadContact + ")") + " [not shared with you]";
        }
    }
}
