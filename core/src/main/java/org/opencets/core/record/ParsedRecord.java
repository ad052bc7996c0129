package org.opencets.core.record;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One fact read from evidence, before it is stored.
 *
 * @param kind       transaction, message, arrest, …
 * @param line       1-based line (or entry) number in the evidence file where the record starts
 * @param offset     byte offset of that line in the file, or -1 where the reader cannot tell
 * @param occurredAt when it happened, ISO-8601 (an instant, a local date-time or a date), or null
 * @param fields     the record's content as plain values, safe to store: card numbers already
 *                   replaced by their masked form, free text with card numbers redacted; any card
 *                   number left anywhere in them (nested values, numbers, keys) is masked here
 * @param mentions   the identifiers the record uses
 * @param verbatim   names of top-level fields kept exactly as written: ids the format itself defines
 *                   (a message id, a user id), which a Luhn-valid run of digits must not alter
 *                   (docs/IDENTIFIERS.md); every other field has any card number masked here
 */
public record ParsedRecord(RecordKind kind, long line, long offset, String occurredAt,
                           Map<String, Object> fields, List<Mention> mentions, java.util.Set<String> verbatim) {
    public ParsedRecord {
        Objects.requireNonNull(kind, "kind");
        verbatim = verbatim == null ? java.util.Set.of() : java.util.Set.copyOf(verbatim);
        fields = Map.copyOf(FieldMasking.fields(fields, verbatim));
        mentions = List.copyOf(mentions);
    }

    /** A record with no field kept verbatim. */
    public ParsedRecord(RecordKind kind, long line, long offset, String occurredAt, Map<String, Object> fields,
                        List<Mention> mentions) {
        this(kind, line, offset, occurredAt, fields, mentions, java.util.Set.of());
    }
}
