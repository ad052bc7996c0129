package org.opencets.core.resolve;

/**
 * The descriptive attributes of a person that resolution compares. Strong identifiers (e-mail,
 * phone, card hash) are not attributes: they travel as {@link PersonRecord#strongIdentifiers()}.
 */
public enum PersonAttribute {
    /** First or given name(s). */
    GIVEN_NAME,
    /** Family name. */
    SURNAME,
    /** Date of birth: {@code yyyymmdd}, {@code yyyy-mm-dd} or {@code dd/mm/yyyy}. */
    DATE_OF_BIRTH,
    /** House or street number. */
    STREET_NUMBER,
    /** First address line, usually the street. */
    ADDRESS_LINE_1,
    /** Second address line: building, estate, locality within a town. */
    ADDRESS_LINE_2,
    /** Suburb, town or city. */
    LOCALITY,
    /** Postcode or ZIP code. */
    POSTCODE,
    /** State, province or region. */
    STATE,
    /** A national identity number (social security number and the like). */
    NATIONAL_ID
}
