package org.opencets.core.identifier;

import java.util.Objects;

/**
 * What normalisation needs beyond the value itself.
 *
 * @param defaultRegion ISO 3166 two-letter region for phone numbers written without a country code,
 *                      usually the region of the case's agency; may be {@code null} (then only
 *                      numbers in international form parse)
 * @param cardHasher    the deployment's keyed card hasher
 */
public record IdentifierContext(String defaultRegion, CardHasher cardHasher) {
    public IdentifierContext {
        Objects.requireNonNull(cardHasher, "cardHasher");
    }
}
