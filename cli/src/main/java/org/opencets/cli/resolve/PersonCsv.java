package org.opencets.cli.resolve;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opencets.core.identifier.CardHasher;
import org.opencets.core.identifier.IdentifierContext;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.identifier.Identifiers;
import org.opencets.core.identifier.InvalidIdentifierException;
import org.opencets.core.resolve.PersonAttribute;
import org.opencets.core.resolve.PersonRecord;
import org.opencets.formats.read.BadInputException;

/**
 * Reads person records from a CSV file with a header. Columns are recognised by common names
 * (case and surrounding spaces ignored) or mapped explicitly; unrecognised columns are ignored; the
 * id column is never compared, even when its name is also an attribute's. Fields are trimmed (Febrl
 * files put a space after each comma); an empty field is a missing value. E-mail and phone columns
 * become strong identifiers, normalised by {@link Identifiers} (a value that does not normalise is
 * kept in lower case, so that two identical spellings still agree).
 */
final class PersonCsv {
    /** Column names recognised without a mapping, per attribute or identifier. */
    static final Map<String, String> KNOWN_COLUMNS = knownColumns();

    /** Where a record came from, for error messages. */
    record Source(String file, long line) {
    }

    record Loaded(List<PersonRecord> records, Map<String, Source> sources) {
    }

    private final String idColumn;
    private final Map<String, String> mapping;
    private final IdentifierContext identifierContext;

    /**
     * @param idColumn the header of the id column
     * @param mapping  attribute name (as in {@link #KNOWN_COLUMNS} values) to header, overriding the defaults
     * @param region   default region for phone numbers without a country code, or null
     */
    PersonCsv(String idColumn, Map<String, String> mapping, String region) {
        this.idColumn = idColumn;
        this.mapping = mapping;
        this.identifierContext = new IdentifierContext(region, new CardHasher(CardHasher.newKey()));
    }

    private static Map<String, String> knownColumns() {
        Map<String, String> m = new HashMap<>();
        for (String s : List.of("given_name", "first_name", "firstname", "given", "forename")) {
            m.put(s, "given_name");
        }
        for (String s : List.of("surname", "last_name", "lastname", "family_name")) {
            m.put(s, "surname");
        }
        for (String s : List.of("date_of_birth", "dob", "birth_date", "birthdate")) {
            m.put(s, "date_of_birth");
        }
        m.put("street_number", "street_number");
        m.put("house_number", "street_number");
        for (String s : List.of("address_1", "address1", "address_line_1", "street")) {
            m.put(s, "address_1");
        }
        for (String s : List.of("address_2", "address2", "address_line_2")) {
            m.put(s, "address_2");
        }
        for (String s : List.of("suburb", "city", "town", "locality")) {
            m.put(s, "suburb");
        }
        for (String s : List.of("postcode", "zip", "zipcode", "zip_code", "postal_code")) {
            m.put(s, "postcode");
        }
        for (String s : List.of("state", "province", "region")) {
            m.put(s, "state");
        }
        for (String s : List.of("soc_sec_id", "national_id", "ssn", "social_security_number")) {
            m.put(s, "national_id");
        }
        for (String s : List.of("email", "e_mail", "email_address")) {
            m.put(s, "email");
        }
        for (String s : List.of("phone", "phone_number", "telephone", "mobile")) {
            m.put(s, "phone");
        }
        return Map.copyOf(m);
    }

    /** The attribute names {@code --column} accepts. */
    static final List<String> ATTRIBUTES = List.of("given_name", "surname", "date_of_birth", "street_number", "address_1",
            "address_2", "suburb", "postcode", "state", "national_id", "email", "phone");

    private static PersonAttribute attribute(String name) {
        return switch (name) {
            case "given_name" -> PersonAttribute.GIVEN_NAME;
            case "surname" -> PersonAttribute.SURNAME;
            case "date_of_birth" -> PersonAttribute.DATE_OF_BIRTH;
            case "street_number" -> PersonAttribute.STREET_NUMBER;
            case "address_1" -> PersonAttribute.ADDRESS_LINE_1;
            case "address_2" -> PersonAttribute.ADDRESS_LINE_2;
            case "suburb" -> PersonAttribute.LOCALITY;
            case "postcode" -> PersonAttribute.POSTCODE;
            case "state" -> PersonAttribute.STATE;
            case "national_id" -> PersonAttribute.NATIONAL_ID;
            default -> null;
        };
    }

    static String normaliseHeader(String h) {
        String s = h.strip();
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1).strip();
        }
        return s.toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    /**
     * Reads every record of the file; {@code seen} holds ids already read from another file (for a
     * link, ids must be unique across both) and receives this file's.
     */
    Loaded read(Path file, Map<String, Source> seen) {
        String name = file.toString();
        List<PersonRecord> records = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (var in = new java.io.InputStreamReader(Files.newInputStream(file), decoder);
             CsvReader<CsvRecord> csv = CsvReader.builder().ignoreDifferentFieldCount(true).skipEmptyLines(true)
                     .ofCsvRecord(new java.io.BufferedReader(in, 1 << 16))) {
            var rows = csv.iterator();
            if (!rows.hasNext()) {
                throw new BadInputException(name, 0, "the file is empty; expected a header line naming the columns");
            }
            CsvRecord header = rows.next();
            Columns columns = columns(name, header);
            while (true) {
                CsvRecord row;
                try {
                    if (!rows.hasNext()) {
                        break;
                    }
                    row = rows.next();
                } catch (CsvParseException e) {
                    throw new BadInputException(name, 0, "unreadable CSV: " + e.getMessage());
                }
                long line = row.getStartingLineNumber();
                if (row.getFieldCount() != header.getFieldCount()) {
                    throw new BadInputException(name, line, "the row has " + row.getFieldCount() + " fields but the header has "
                            + header.getFieldCount());
                }
                String id = row.getField(columns.id).strip();
                if (id.isEmpty()) {
                    throw new BadInputException(name, line, "empty id in column '" + idColumn + "'");
                }
                Source before = seen.putIfAbsent(id, new Source(name, line));
                if (before != null) {
                    throw new BadInputException(name, line, "duplicate id '" + id + "' (first seen at " + before.file() + ":"
                            + before.line() + "); ids must be unique" + (before.file().equals(name) ? "" : " across both files"));
                }
                records.add(record(id, row, columns));
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(name, 0, "no such file");
        } catch (CharacterCodingException e) {
            throw new BadInputException(name, 0, "not valid UTF-8 text");
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new BadInputException(name, 0, "not valid UTF-8 text");
            }
            throw new BadInputException(name, 0, "cannot read: " + e.getCause().getMessage());
        } catch (IOException e) {
            throw new BadInputException(name, 0, "cannot read: " + e.getMessage());
        }
        return new Loaded(records, seen);
    }

    private record Columns(int id, Map<PersonAttribute, Integer> attributes, int email, int phone) {
    }

    private Columns columns(String file, CsvRecord header) {
        Map<String, Integer> byName = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.getFieldCount(); i++) {
            String h = normaliseHeader(header.getField(i));
            names.add(h);
            if (!h.isEmpty() && byName.putIfAbsent(h, i) != null) {
                throw new BadInputException(file, header.getStartingLineNumber(), "column '" + header.getField(i).strip()
                        + "' appears twice in the header");
            }
        }
        Integer id = byName.get(normaliseHeader(idColumn));
        if (id == null) {
            throw new BadInputException(file, header.getStartingLineNumber(), "no id column '" + idColumn
                    + "' in the header; columns are " + names);
        }
        Map<String, Integer> chosen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String attribute = KNOWN_COLUMNS.get(names.get(i));
            if (attribute != null && i != id && !mapping.containsKey(attribute)) {
                chosen.putIfAbsent(attribute, i);
            }
        }
        for (Map.Entry<String, String> e : mapping.entrySet()) {
            Integer i = byName.get(normaliseHeader(e.getValue()));
            if (i == null) {
                throw new BadInputException(file, header.getStartingLineNumber(), "no column '" + e.getValue() + "' (mapped to "
                        + e.getKey() + ") in the header; columns are " + names);
            }
            if (i.equals(id)) {
                throw new BadInputException(file, header.getStartingLineNumber(), "column '" + e.getValue()
                        + "' is the id column and cannot also be compared as " + e.getKey());
            }
            chosen.put(e.getKey(), i);
        }
        Map<PersonAttribute, Integer> attributes = new EnumMap<>(PersonAttribute.class);
        chosen.forEach((a, i) -> {
            PersonAttribute pa = attribute(a);
            if (pa != null) {
                attributes.put(pa, i);
            }
        });
        return new Columns(id, attributes, chosen.getOrDefault("email", -1), chosen.getOrDefault("phone", -1));
    }

    private PersonRecord record(String id, CsvRecord row, Columns columns) {
        Map<PersonAttribute, String> values = new EnumMap<>(PersonAttribute.class);
        columns.attributes().forEach((a, i) -> {
            String v = row.getField(i).strip();
            if (!v.isEmpty()) {
                values.put(a, v);
            }
        });
        Set<String> identifiers = Set.of();
        if (columns.email() >= 0 || columns.phone() >= 0) {
            Set<String> ids = new LinkedHashSet<>();
            identifier(ids, IdentifierType.EMAIL, columns.email() >= 0 ? row.getField(columns.email()) : "");
            identifier(ids, IdentifierType.PHONE, columns.phone() >= 0 ? row.getField(columns.phone()) : "");
            identifiers = ids;
        }
        return new PersonRecord(id, values, identifiers);
    }

    private void identifier(Set<String> out, IdentifierType type, String raw) {
        String v = raw.strip();
        if (v.isEmpty()) {
            return;
        }
        try {
            out.add(Identifiers.normalise(type, v, identifierContext).key());
        } catch (InvalidIdentifierException e) {
            String kept = type == IdentifierType.PHONE ? v.replaceAll("[^0-9+]", "") : v.toLowerCase(Locale.ROOT);
            if (!kept.isEmpty()) {
                out.add(type.code() + ":" + kept);
            }
        }
    }
}
