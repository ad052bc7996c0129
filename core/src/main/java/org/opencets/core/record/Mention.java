package org.opencets.core.record;

import java.util.Objects;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.identifier.TextExtractor;

/**
 * A record's use of an identifier.
 *
 * @param identifier the normalised identifier
 * @param role       what the identifier is to the record: {@code buyer_email}, {@code sender},
 *                   {@code arrestee_phone}, {@code text} for one found in free text, …
 * @param raw        the value as written in the evidence; for a card, its masked display form. A
 *                   card number written inside another kind's spelling (a merchant id, a handle, a
 *                   URL) is masked here too, the last guard before the spelling is stored; the hex
 *                   of file hashes and PDQ digests is left as written
 * @param field      the field it was read from
 * @param start      for a value found in free text, its start offset in that field (UTF-16 chars), else -1
 * @param end        exclusive end offset, else -1
 */
public record Mention(Identifier identifier, String role, String raw, String field, int start, int end) {
    public Mention {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(field, "field");
        IdentifierType type = identifier.type();
        if (type == IdentifierType.ACCOUNT || type == IdentifierType.EMAIL) {
            raw = TextExtractor.redactCardsAnyGrouping(raw); // as their normalisers mask handle and local part
        } else if (type != IdentifierType.FILE_HASH && type != IdentifierType.PDQ && type != IdentifierType.PHONE) {
            raw = TextExtractor.redactCards(raw);
        }
    }

    /** A mention read from a field of its own (not found inside free text). */
    public static Mention ofField(Identifier identifier, String role, String raw, String field) {
        return new Mention(identifier, role, raw, field, -1, -1);
    }
}
