package org.opencets.core.cases;

/**
 * The need-to-know rules, in one place.
 *
 * <ul>
 *   <li>A user reads a case of their own agency, or a case shared with the whole network.</li>
 *   <li>A user writes (imports into, changes) a case of their own agency if they are an investigator
 *       or an administrator; an administrator may also write any case, for set-up, and is audited.</li>
 *   <li>Of any other case a user learns only a {@link Pointer}: agency, case number and lead contact.</li>
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
