package org.opencets.core.resolve;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One person-bearing record as resolution sees it: an arrestee, a cardholder, a tip subject, an
 * account holder. Nothing here may encode the truth a test knows; in particular the id is never
 * compared.
 *
 * @param id                 unique among the records resolved together; returned unchanged
 * @param attributes         raw attribute values; blank values are dropped (missing)
 * @param strongIdentifiers  normalised identifier keys the person used, e.g. {@code email:a@b.org},
 *                           {@code phone:+61412345678} or a card's keyed hash; sharing one is strong
 *                           evidence, but still weighed by the model, never decisive on its own
 */
public record PersonRecord(String id, Map<PersonAttribute, String> attributes, Set<String> strongIdentifiers) {
    public PersonRecord {
        Objects.requireNonNull(id, "id");
        EnumMap<PersonAttribute, String> kept = new EnumMap<>(PersonAttribute.class);
        attributes.forEach((attribute, value) -> {
            if (value != null && !value.isBlank()) {
                kept.put(Objects.requireNonNull(attribute, "attribute"), value);
            }
        });
        attributes = java.util.Collections.unmodifiableMap(kept);
        strongIdentifiers = Set.copyOf(strongIdentifiers);
    }

    /** A record without strong identifiers. */
    public static PersonRecord of(String id, Map<PersonAttribute, String> attributes) {
        return new PersonRecord(id, attributes, Set.of());
    }

    /** The raw value of an attribute, or null when missing. */
    public String get(PersonAttribute attribute) {
        return attributes.get(attribute);
    }
}
