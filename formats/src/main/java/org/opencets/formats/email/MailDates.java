package org.opencets.formats.email;

import java.io.StringReader;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.apache.james.mime4j.dom.datetime.DateTime;
import org.apache.james.mime4j.field.datetime.parser.DateTimeParser;
import org.apache.james.mime4j.field.datetime.parser.ParseException;
import org.apache.james.mime4j.field.datetime.parser.TokenMgrError;

/**
 * The {@code Date:} header as an instant.
 *
 * <p>Design note. The grammar is RFC 5322 section 3.3 with the obsolete forms of section 4.3, which
 * mime4j's generated {@link DateTimeParser} implements: optional day of week, one- or two-digit day,
 * two- and three-digit years (00-49 → 20xx, 50-99 → 19xx, three digits + 1900), optional seconds,
 * numeric zones and the obsolete names ({@code UT}, {@code GMT}, {@code EST}, {@code EDT}, …
 * {@code PDT}, military letters), comments such as {@code (PST)}. That parser only checks the
 * shape, not the calendar: its fields are then put together here with {@code java.time} in strict
 * mode, so 30 February, hour 25 or a zone of {@code +9999} is an impossible date, reported, never
 * rolled over into another day. A leap second ({@code :60}, allowed by the RFC) is read as {@code :59}.
 * A zone of {@code -0000} means "local time, zone unknown" (RFC 5322 3.3) and gives a local date-time;
 * so does a date written without any zone, which is not RFC 5322 but is common from old software.
 * ISO-8601 timestamps, written by some scripts, are also accepted.
 */
final class MailDates {
    private MailDates() {
    }

    /** Why a date could not be read. */
    static final class BadDate extends Exception {
        BadDate(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The date as ISO-8601: an instant ({@code 2026-11-21T09:15:30Z}) or, without a known zone, a local
     * date-time.
     */
    static String parse(String raw) throws BadDate {
        String s = raw.strip();
        if (s.isEmpty()) {
            throw new BadDate("the Date header is empty");
        }
        DateTime d;
        boolean zoneKnown = true;
        try {
            d = shape(s);
            if (s.endsWith("-0000")) {
                zoneKnown = false;
            }
        } catch (BadDate e) {
            try {
                d = shape(s + " -0000");
                zoneKnown = false;
            } catch (BadDate again) {
                return iso(s, e);
            }
        }
        return calendar(d, zoneKnown);
    }

    private static DateTime shape(String s) throws BadDate {
        try {
            return new DateTimeParser(new StringReader(s)).parseAll();
        } catch (ParseException | TokenMgrError | NumberFormatException e) {
            throw new BadDate("not an RFC 5322 date");
        }
    }

    private static String calendar(DateTime d, boolean zoneKnown) throws BadDate {
        if (d.getYear() < 1900) {
            throw new BadDate("year " + d.getYear() + " is before 1900 (RFC 5322 allows no earlier year)");
        }
        int second = d.getSecond() == 60 ? 59 : d.getSecond();
        LocalDateTime local;
        try {
            local = LocalDateTime.of(d.getYear(), d.getMonth(), d.getDay(), d.getHour(), d.getMinute(), second);
        } catch (DateTimeException e) {
            throw new BadDate("impossible date: " + e.getMessage());
        }
        if (!zoneKnown) {
            return local.toString();
        }
        int zone = d.getTimeZone();
        int hours = zone / 100;
        int minutes = zone % 100;
        ZoneOffset offset;
        try {
            if (Math.abs(minutes) > 59) {
                throw new DateTimeException("zone minutes " + Math.abs(minutes) + " out of range");
            }
            offset = ZoneOffset.ofHoursMinutes(hours, minutes);
        } catch (DateTimeException e) {
            throw new BadDate("impossible time zone " + (zone < 0 ? "-" : "+") + String.format("%04d", Math.abs(zone)));
        }
        return OffsetDateTime.of(local, offset).toInstant().toString();
    }

    private static String iso(String s, BadDate original) throws BadDate {
        if (s.length() < 16 || s.length() > 40 || !Character.isDigit(s.charAt(0))) {
            throw original;
        }
        try {
            return OffsetDateTime.parse(s.replace(' ', 'T')).toInstant().toString();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s.replace(' ', 'T')).toString();
            } catch (DateTimeParseException again) {
                throw original;
            }
        }
    }
}
