package org.opencets.formats.csv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.canonical.RecordAssembler.RowException;

/**
 * Arrest and booking records exported from a records-management system: one arrest a row.
 *
 * <p>The birth date must be a real date ({@code dob}, read like every date, see {@link CsvDates});
 * the age is a whole number of years from 0 to 130, or a range such as {@code 25-30}; the agency ORI
 * is kept upper-case. Phone and e-mail become identifiers with the roles {@code arrestee_phone} and
 * {@code arrestee_email}; names, sex, address and charges are plain fields.
 */
public final class ArrestsCsvReader extends CsvRecordReader {
    private static final Map<String, List<String>> ALIASES = new LinkedHashMap<>();
    private static final Pattern AGE = Pattern.compile("(\\d{1,3})(?:\\s*-\\s*(\\d{1,3}))?");
    private static final int OLDEST = 130;

    static {
        ALIASES.put("id", List.of("arrest_id", "booking_id", "booking_number", "booking_no", "arrest_number",
                "arrest_no", "arrest_transaction_number"));
        ALIASES.put("date", List.of("arrest_date", "booking_date", "date_of_arrest", "arrested_on"));
        ALIASES.put("time", List.of("arrest_time", "booking_time", "time_of_arrest", "arrested_at", "arrest_datetime",
                "booking_datetime"));
        ALIASES.put("name", List.of("full_name", "arrestee_name", "person_name", "subject_name"));
        ALIASES.put("given_name", List.of("first_name", "firstname", "forename", "given_names"));
        ALIASES.put("middle_name", List.of("middle_names", "middle_initial"));
        ALIASES.put("surname", List.of("last_name", "lastname", "family_name"));
        ALIASES.put("dob", List.of("date_of_birth", "birth_date", "birthdate"));
        ALIASES.put("age", List.of("age_at_arrest", "arrestee_age"));
        ALIASES.put("sex", List.of("gender", "arrestee_sex"));
        ALIASES.put("race", List.of("ethnicity", "race_code"));
        ALIASES.put("address", List.of("street", "address_1", "home_address", "residence_address"));
        ALIASES.put("city", List.of("suburb", "town", "locality"));
        ALIASES.put("postcode", List.of("zip", "postal_code", "zip_code"));
        ALIASES.put("state", List.of("province", "region"));
        ALIASES.put("country", List.of());
        ALIASES.put("phone", List.of("phone_number", "telephone", "mobile"));
        ALIASES.put("email", List.of("e_mail", "email_address"));
        ALIASES.put("charges", List.of("charge", "offence", "offense", "charge_codes", "charge_code", "offences",
                "offenses", "ucr_code"));
        ALIASES.put("ori", List.of("agency_ori", "arresting_agency_ori", "ori_code"));
        ALIASES.put("agency", List.of("arresting_agency", "agency_name"));
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
    Map<String, List<String>> aliases() {
        return ALIASES;
    }

    @Override
    List<String> signatureFields() {
        return List.of("surname", "dob", "charges", "ori");
    }

    @Override
    void shape(CsvRow row) throws RowException, CsvDates.Ambiguous {
        String dob = row.take("dob");
        if (dob != null) {
            row.canonical.put("dob", row.date("dob", dob));
        }
        String age = row.take("age");
        if (age != null) {
            row.canonical.put("age", age(row.label("age"), age));
        }
        String ori = row.take("ori");
        if (ori != null) {
            row.canonical.put("ori", ori.toUpperCase(Locale.ROOT));
        }
    }

    private static String age(String label, String raw) throws RowException {
        Matcher m = AGE.matcher(raw.strip());
        if (!m.matches()) {
            throw new RowException(label + ": '" + raw + "' is not an age in years (write e.g. 34 or 25-30)");
        }
        int low = Integer.parseInt(m.group(1));
        int high = m.group(2) == null ? low : Integer.parseInt(m.group(2));
        if (high > OLDEST || low > high) {
            throw new RowException(label + ": '" + raw + "' is not a possible age");
        }
        return m.group(2) == null ? Integer.toString(low) : low + "-" + high;
    }
}
