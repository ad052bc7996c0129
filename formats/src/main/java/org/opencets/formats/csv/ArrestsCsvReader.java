package org.opencets.formats.csv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencets.core.record.RecordKind;

/** Arrest and booking records exported from a records-management system: one arrest a row. */
public final class ArrestsCsvReader extends CsvRecordReader {
    private static final Map<String, List<String>> ALIASES = new LinkedHashMap<>();

    static {
        ALIASES.put("id", List.of("arrest_id", "booking_id", "booking_number", "arrest_number"));
        ALIASES.put("time", List.of("date", "arrest_date", "booking_date", "arrested_at"));
        ALIASES.put("given_name", List.of("first_name", "firstname", "forename"));
        ALIASES.put("surname", List.of("last_name", "lastname", "family_name"));
        ALIASES.put("dob", List.of("date_of_birth", "birth_date", "birthdate"));
        ALIASES.put("age", List.of());
        ALIASES.put("sex", List.of("gender"));
        ALIASES.put("address", List.of("street", "address_1", "home_address"));
        ALIASES.put("city", List.of("suburb", "town", "locality"));
        ALIASES.put("postcode", List.of("zip", "postal_code"));
        ALIASES.put("phone", List.of("phone_number", "telephone", "mobile"));
        ALIASES.put("email", List.of("e_mail", "email_address"));
        ALIASES.put("charges", List.of("charge", "offence", "offense", "charge_codes"));
        ALIASES.put("ori", List.of("agency_ori", "arresting_agency"));
    }

    public ArrestsCsvReader() {
        super(RecordKind.ARREST);
    }

    @Override
    public String format() {
        return "arrests-csv";
    }

    @Override
    public String description() {
        return "arrest and booking CSV with a header row (common headers recognised, or --mapping FILE)";
    }

    @Override
    protected Map<String, List<String>> aliases() {
        return ALIASES;
    }

    @Override
    protected List<String> signatureFields() {
        return List.of("surname", "dob", "charges");
    }
}
