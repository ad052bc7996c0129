package org.opencets.cli;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Set;
import org.opencets.core.cases.Role;
import org.opencets.core.cases.Sharing;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.read.Formats;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for option values drawn from a fixed set (a role, a sharing level, a format) or a range.
 * A value outside it is a wrong command line: picocli reports the converter's message as "Invalid
 * value for option '--role': unknown role 'superuser'; expected …" with the hint to the command's
 * help, and the command exits 2 before it does anything. Each converter asks the owner of the set
 * (the enum's {@code fromCode}, the installed readers), so the message lists exactly what is accepted.
 */
final class OptionValues {
    private OptionValues() {
    }

    /** The message of the owner's own refusal, as picocli's conversion error. */
    private static <T> T checked(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** A role: admin, investigator, analyst or auditor. */
    static final class RoleCode implements ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            return checked(() -> Role.fromCode(value));
        }
    }

    /** A sharing level: agency or network. */
    static final class SharingLevel implements ITypeConverter<Sharing> {
        @Override
        public Sharing convert(String value) {
            return checked(() -> Sharing.fromCode(value));
        }
    }

    /** A record kind, kept as its code. */
    static final class RecordKindCode implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return checked(() -> RecordKind.fromCode(value)).code();
        }
    }

    /** An identifier type ({@code email}, {@code file_hash}, …). */
    static final class IdentifierTypeCode implements ITypeConverter<IdentifierType> {
        @Override
        public IdentifierType convert(String value) {
            return checked(() -> IdentifierType.fromCode(value));
        }
    }

    /** A format {@code cets import} reads by name, {@code auto}, or {@code media} (a folder of images). */
    static final class ImportFormat implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.equalsIgnoreCase("auto") || value.equalsIgnoreCase("media")) {
                return value.toLowerCase(Locale.ROOT);
            }
            Formats formats = Formats.installed();
            if (formats.names().stream().noneMatch(value::equalsIgnoreCase)) {
                throw new TypeConversionException("unknown format '" + value + "'; known: " + String.join(", ", formats.names())
                        + ", auto (told from the content) or media (a folder of images and videos); see 'cets formats'");
            }
            return formats.byName(value).format();
        }
    }

    /** A character set Java knows. */
    static final class Encoding implements ITypeConverter<Charset> {
        @Override
        public Charset convert(String value) {
            try {
                return Charset.forName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("unknown encoding '" + value + "' (try UTF-8, UTF-16, windows-1252, ISO-8859-1)");
            }
        }
    }

    /** A count of at least one ({@code --limit}). */
    static final class AtLeastOne implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number");
            }
            if (n < 1) {
                throw new TypeConversionException("must be at least 1, got " + n);
            }
            return n;
        }
    }

    /** An ISO 3166 two-letter region code, in upper case ({@code CA}, {@code GB}). */
    static final class RegionCode implements ITypeConverter<String> {
        private static final Set<String> REGIONS = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

        @Override
        public String convert(String value) {
            String code = value.strip().toUpperCase(Locale.ROOT);
            if (!REGIONS.contains(code)) {
                throw new TypeConversionException("'" + value + "' is not an ISO 3166 two-letter region code (CA, GB, US, AU, …)");
            }
            return code;
        }
    }
}
