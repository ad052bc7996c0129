package org.opencets.app.scenario;

import java.util.List;

/**
 * Values that recur across many cases yet name nobody, and so must link nothing: the scenario puts
 * each in at least two cases (most in every case of a kind), where a naive exact match would link
 * them, and truth.json lists them under {@code must_not_link} with the rule expected to stop them.
 *
 * @param label   the identifier as the system prints it
 * @param written       how records write it (a phone number: in its own region's national form)
 * @param writtenAbroad another spelling (a phone number: international form)
 * @param rule    the system rule that must stop it
 * @param reason  what it is, for the reader of truth.json
 */
record Noise(String label, String written, String writtenAbroad, String rule, String reason) {

    /** A handset's address on the subscriber side of a carrier-grade NAT: thousands share it. */
    static final Noise CGNAT = new Noise("ip:100.72.14.9", "100.72.14.9", "100.72.14.9", "not correlatable",
            "RFC 6598 shared address space (carrier-grade NAT): the subscriber-side address a mobile carrier hands "
                    + "to thousands of handsets; chat exports and some providers log it");
    /** The public egress address of a mobile carrier's NAT: every subscriber behind it looks the same. */
    static final Noise EGRESS = new Noise("ip:94.119.66.18", "94.119.66.18", "94.119.66.18",
            "common (held by more than 20 cases)",
            "public egress address of a mobile carrier's carrier-grade NAT, seen for thousands of unrelated buyers "
                    + "and uploaders; only the common-identifier guard can tell");
    /** A public library's shared address that patrons type when asked for one. */
    static final Noise LIBRARY = new Noise("email:frontdesk@wexbury-library.org", "frontdesk@wexbury-library.org",
            "FrontDesk@Wexbury-Library.org", "common (held by more than 20 cases)",
            "a public library's front-desk address, given by many unrelated patrons of its public computers");
    /** A fictional North American number (555-0100 to 555-0199). */
    static final Noise NANP_FICTIONAL = new Noise("phone:+14165550142", "(416) 555-0142", "+1 416 555 0142", "stoplist",
            "NANP fictional number 555-01xx, used in documentation and on forms");
    /** An RFC 5737 documentation address. */
    static final Noise DOC_IP = new Noise("ip:192.0.2.44", "192.0.2.44", "192.0.2.44", "not correlatable and stoplist",
            "RFC 5737 TEST-NET-1 documentation address, copied from a provider's sample report");
    /** The RFC 2606 example domain. */
    static final Noise EXAMPLE_EMAIL = new Noise("email:nobody@example.com", "nobody@example.com", "Nobody@Example.com",
            "stoplist", "RFC 2606 example domain, typed by people who will not give an address");
    /** A public test card number (Visa); its label is its masked form. */
    static final Noise TEST_CARD = new Noise("card:41111111…1111", "4111111111111111", "4111 1111 1111 1111", "stoplist",
            "public Visa test card number, used by the processor's own test transactions");

    static final List<Noise> ALL = List.of(CGNAT, EGRESS, LIBRARY, NANP_FICTIONAL, DOC_IP, EXAMPLE_EMAIL, TEST_CARD);

    /**
     * How a record of an agency in region writes it: a phone number in national form at home and in
     * international form abroad; other values in either of their two spellings.
     */
    String writtenIn(String region, boolean alternate) {
        if (this == NANP_FICTIONAL) {
            return region.equals("CA") ? written : writtenAbroad;
        }
        return alternate ? writtenAbroad : written;
    }
}
