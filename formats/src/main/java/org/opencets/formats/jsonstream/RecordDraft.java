package org.opencets.formats.jsonstream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencets.core.identifier.Found;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.IdentifierContext;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.identifier.Identifiers;
import org.opencets.core.identifier.InvalidIdentifierException;
import org.opencets.core.identifier.TextExtractor;
import org.opencets.core.record.Mention;
import org.opencets.core.record.ParsedRecord;
import org.opencets.core.record.RecordKind;

/**
 * One record being put together by a chat-export reader: fields safe to store and the identifiers
 * the record mentions, each with its role and where it was found. Reused from record to record
 * ({@link #clear()}).
 *
 * <p>What is stored: a display value ({@link #field}) has any Luhn-valid card number masked, as free
 * text does ({@link #text}); an id the format itself defines ({@link #id}: a message id, a user id)
 * is kept as written, since masking a 16-digit id that happens to pass the Luhn check would destroy
 * it (the same exception docs/IDENTIFIERS.md makes for account handles).
 */
public final class RecordDraft {
    private final IdentifierContext context;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    /** The names of the fields set by {@link #id}: kept as written by the record's last guard too. */
    private final java.util.Set<String> ids = new java.util.HashSet<>();
    private final List<Mention> mentions = new ArrayList<>();
    /** Accounts already normalised in this file: a chat has few senders and many messages. */
    private final Map<String, Identifier> accounts = new java.util.HashMap<>();

    public RecordDraft(IdentifierContext context) {
        this.context = context;
    }

    /** A value that cannot become what the record says it is; the message says which and why. */
    public static final class Problem extends Exception {
        public Problem(String message) {
            super(message, null, false, false);
        }
    }

    public IdentifierContext context() {
        return context;
    }

    /** Starts a new record. */
    public void clear() {
        fields.clear();
        ids.clear();
        mentions.clear();
    }

    /** A value shown as written, with card numbers masked; null and blank values are left out. */
    public void field(String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, masked(value));
        }
    }

    /** A list of values shown as written, with card numbers masked; empty lists are left out. */
    public void field(String name, List<String> values) {
        if (!values.isEmpty()) {
            fields.put(name, values.stream().map(RecordDraft::masked).toList());
        }
    }

    /** A structured value the reader built from masked parts (a list of attachments, say). */
    public void structure(String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    /** An id the format defines, stored exactly as written (never masked). */
    public void id(String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value);
            ids.add(name);
        }
    }

    /**
     * Free text: stored with card numbers masked, and searched for identifiers (role {@code text},
     * with offsets into the text as given).
     *
     * @return what was found, ordered by start, for readers that add their own mentions beside them
     */
    public List<Found> text(String field, String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Found> found = find(text, context);
        for (Found f : found) {
            mentions.add(new Mention(f.identifier(), "text", f.raw(), field, f.start(), f.end()));
        }
        fields.put(field, found.isEmpty() || !hasCard(found) ? text : TextExtractor.redactCards(text));
        return found;
    }

    /**
     * The identifiers in free text, as {@link TextExtractor#extract} finds them, skipping the search
     * when the text cannot hold any.
     *
     * <p>Design note. The extractor runs four regular expressions and libphonenumber's matcher over
     * every text, a few megabytes a second; most chat lines hold no identifier at all. Every kind it
     * finds needs a character few such lines have: an e-mail its {@code @}; a URL {@code ://} or
     * {@code www.}; an IPv6 literal two colons; an IPv4 literal, a phone or a card number digits
     * (libphonenumber counts any Unicode decimal digit, so {@link Character#isDigit} is asked, not
     * ASCII). A text with none of {@code @}, {@code :}, a digit or {@code www.} (any case) is
     * therefore skipped; a property test holds the extractor to this.
     */
    public static List<Found> find(String text, IdentifierContext context) {
        return mayHoldIdentifiers(text) ? TextExtractor.extract(text, context) : List.of();
    }

    /** False only when {@link TextExtractor#extract} cannot find anything in the text (see {@link #find}). */
    static boolean mayHoldIdentifiers(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c >= '0' && c <= '9' || c == '@' || c == ':') {
                    return true;
                }
                if (c == '.' && i >= 3 && (text.charAt(i - 1) | 0x20) == 'w' && (text.charAt(i - 2) | 0x20) == 'w'
                        && (text.charAt(i - 3) | 0x20) == 'w') {
                    return true;
                }
            } else if (Character.isDigit(c) || Character.isHighSurrogate(c) && i + 1 < n
                    && Character.isDigit(Character.toCodePoint(c, text.charAt(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    /** An account on a platform, read from a field of its own. */
    public Identifier account(String platform, String handle, String role, String field) throws Problem {
        Identifier id = account(platform, handle);
        if (id == null) {
            try {
                Identifiers.account(platform, handle);
            } catch (InvalidIdentifierException e) {
                throw new Problem(field + ": " + e.getMessage());
            }
        }
        mentions.add(Mention.ofField(id, role, handle, field));
        return id;
    }

    /** The account, normalised once per file and handle; null when it is not a valid account. */
    public Identifier account(String platform, String handle) {
        String key = platform + '\u0000' + handle;
        Identifier id = accounts.get(key);
        if (id == null) {
            try {
                id = Identifiers.account(platform, handle);
            } catch (InvalidIdentifierException e) {
                return null;
            }
            if (accounts.size() >= 8192) {
                accounts.clear();
            }
            accounts.put(key, id);
        }
        return id;
    }

    /** A value of a type, read from a field of its own; one that does not normalise is a problem. */
    public Identifier identifier(IdentifierType type, String raw, String role, String field) throws Problem {
        try {
            Identifier id = Identifiers.normalise(type, raw, context);
            mentions.add(Mention.ofField(id, role, type == IdentifierType.CARD ? id.display() : raw, field));
            return id;
        } catch (InvalidIdentifierException e) {
            throw new Problem(field + ": " + e.getMessage());
        }
    }

    /**
     * A value of a type typed in by a person (an address-book phone number, say): when it does not
     * normalise it stays a plain field and no identifier is made.
     *
     * @return null when an identifier was made, else why not
     */
    public String identifierIfValid(IdentifierType type, String raw, String role, String field) {
        try {
            identifier(type, raw, role, field);
            return null;
        } catch (Problem e) {
            return e.getMessage();
        }
    }

    /** A mention the reader found itself (an entity in a message's text, say). */
    public void mention(Mention mention) {
        mentions.add(mention);
    }

    /** The record, with where it starts. */
    public ParsedRecord build(RecordKind kind, Position at, String occurredAt) {
        return new ParsedRecord(kind, at.line(), at.offset(), occurredAt, fields, mentions, ids);
    }

    private static boolean hasCard(List<Found> found) {
        for (Found f : found) {
            if (f.identifier().type() == IdentifierType.CARD) {
                return true;
            }
        }
        return false;
    }

    /** Card numbers out of a display value. */
    static String masked(String s) {
        return TextExtractor.redactCards(s);
    }
}
