package org.opencets.core.cases;

/**
 * A police force or other organisation. Owns cases and users.
 *
 * @param region ISO 3166 two-letter region: the default for phone numbers written without a country code
 */
public record Agency(long id, String code, String name, String region) {
}
