package org.opencets.core.cases;

/**
 * An investigation, owned by an agency. ("Case" in the vocabulary; named so to stay clear of the
 * Java keyword.)
 */
public record CaseFile(long id, String number, String title, Agency agency, Sharing sharing, Investigator lead,
                       String createdAt) {

    /** {@code AGENCY/NUMBER}, unique across the network. */
    public String qualifiedNumber() {
        return agency.code() + "/" + number;
    }
}
