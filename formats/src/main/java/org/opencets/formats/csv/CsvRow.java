package org.opencets.formats.csv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencets.core.identifier.IdentifierContext;
import org.opencets.core.record.Mention;
import org.opencets.formats.canonical.RecordAssembler.RowException;

/**
 * One CSV row on its way to a record: the values by canonical field as read, what goes to the
 * {@link org.opencets.formats.canonical.RecordAssembler}, and what a reader adds after it (fields the
 * assembler must not touch and mentions it does not know).
 */
final class CsvRow {
    /** What the whole file shares: settings and the header names used in messages. */
    static final class FileContext {
        final IdentifierContext identifiers;
        final char decimal;
        final Map<String, String> headerOf;
        CsvDates.Order order;

        FileContext(IdentifierContext identifiers, char decimal, Map<String, String> headerOf, CsvDates.Order order) {
            this.identifiers = identifiers;
            this.decimal = decimal;
            this.headerOf = headerOf;
            this.order = order;
        }
    }

    final FileContext file;
    /** The row's non-blank values by canonical field, as written (stripped). */
    final Map<String, String> values;
    /** Fields for the assembler. */
    final Map<String, Object> canonical = new LinkedHashMap<>();
    /** Fields added to the record as they are, after assembly. */
    final Map<String, Object> extra = new LinkedHashMap<>();
    /** Mentions added after assembly. */
    final List<Mention> mentions = new ArrayList<>();

    CsvRow(FileContext file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    /** Removes and returns a value; null when the row has none. */
    String take(String field) {
        return values.remove(field);
    }

    /** The field's name for messages: the file's header when it differs, e.g. {@code Txn Date (date)}. */
    String label(String field) {
        String header = file.headerOf.get(field);
        if (header == null || CsvRecordReader.squash(header).equals(CsvRecordReader.squash(field))) {
            return field;
        }
        return header + " (" + field + ")";
    }

    /** A date column's value as an ISO date. */
    String date(String field, String raw) throws RowException, CsvDates.Ambiguous {
        return CsvDates.dateOnly(label(field), raw, file.order);
    }

    /**
     * Sets the record's time from the {@code date} and {@code time} columns: a date and a time of day
     * in two columns are joined; a date-time in either is taken as it is (both present must agree on
     * the day).
     */
    void joinDateAndTime() throws RowException, CsvDates.Ambiguous {
        String d = take("date");
        String t = take("time");
        if (t != null && CsvDates.isClock(t)) {
            if (d == null) {
                throw new RowException(label("time") + ": '" + t + "' is a time of day, and the row has no date");
            }
            canonical.put("time", date("date", d) + "T" + CsvDates.clock(label("time"), t));
        } else if (t != null) {
            String iso = CsvDates.dateTime(label("time"), t, file.order);
            if (d != null) {
                String day = CsvDates.dateTime(label("date"), d, file.order).substring(0, 10);
                if (!iso.startsWith(day)) {
                    throw new RowException(label("date") + " '" + d + "' and " + label("time") + " '" + t
                            + "' name different days");
                }
            }
            canonical.put("time", iso);
        } else if (d != null) {
            canonical.put("time", CsvDates.dateTime(label("date"), d, file.order));
        }
    }
}
