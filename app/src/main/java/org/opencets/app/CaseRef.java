package org.opencets.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.opencets.core.cases.CaseFile;
import org.opencets.core.cases.NeedToKnow;

/**
 * A case as one user may see it: in full when they are entitled to it, otherwise as a pointer
 * (agency, case number, lead contact) with {@code title} null and {@code shared} false.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseRef(String agency, String agencyName, String caseNumber, boolean shared, String title,
                      String sharing, String lead, String leadContact) {

    static CaseRef of(CaseFile c, boolean readable) {
        String contact = c.lead().contact() == null ? "" : c.lead().contact();
        if (readable) {
            return new CaseRef(c.agency().code(), c.agency().name(), c.number(), true, c.title(), c.sharing().code(),
                    c.lead().name(), contact);
        }
        NeedToKnow.Pointer p = NeedToKnow.Pointer.of(c);
        return new CaseRef(p.agencyCode(), p.agencyName(), p.caseNumber(), false, null, null, p.leadName(), p.leadContact());
    }

    /** {@code AGENCY/NUMBER} */
    public String qualified() {
        return agency + "/" + caseNumber;
    }

    @Override
    public String toString() {
        if (shared) {
            return qualified() + " \"" + title + "\" (lead " + lead + (leadContact.isEmpty() ? "" : ", " + leadContact) + ")";
        }
        return qualified() + " — not shared with you; contact " + lead + (leadContact.isEmpty() ? "" : " (" + leadContact + ")")
                + " at " + agencyName;
    }
}
