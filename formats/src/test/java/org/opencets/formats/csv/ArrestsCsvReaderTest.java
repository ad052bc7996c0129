package org.opencets.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.record.ParsedRecord;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.testing.ReaderHarness;

class ArrestsCsvReaderTest {
    final ArrestsCsvReader reader = new ArrestsCsvReader();

    @Test
    void bookingsWithNamesBirthDatesChargesAndOri() throws IOException {
        ReaderHarness.Result r = ReaderHarness.read(reader, "bookings.csv", TransactionsCsvReaderTest.resource("bookings.csv"));
        assertThat(r.rejected).isEmpty();
        assertThat(r.records).hasSize(2).allSatisfy(rec -> assertThat(rec.kind()).isEqualTo(RecordKind.ARREST));
        ParsedRecord john = r.records.get(0);
        assertThat(john.occurredAt()).isEqualTo("2024-03-20T22:15");
        assertThat(john.fields()).containsEntry("id", "B-2024-0001").containsEntry("given_name", "John")
                .containsEntry("surname", "Smith").containsEntry("dob", "1980-02-03").containsEntry("age", "44")
                .containsEntry("sex", "M").containsEntry("charges", "18 USC 2252A; 18 USC 2422(b)")
                .containsEntry("ori", "IL0160000").containsEntry("postcode", "62704");
        assertThat(john.mentions()).extracting(m -> m.identifier().type() + " " + m.role())
                .containsExactlyInAnyOrder("PHONE arrestee_phone", "EMAIL arrestee_email");
        ParsedRecord richard = r.records.get(1);
        assertThat(richard.fields()).containsEntry("name", "Richard Roe").containsEntry("dob", "1975-12-25");
        assertThat(richard.occurredAt()).isEqualTo("2024-03-21T08:00");
    }

    @Test
    void impossibleBirthDatesAndAgesAreBadRows() throws IOException {
        String csv = """
                arrest_id,last_name,dob,age
                A1,Smith,1980-02-30,
                A2,Jones,,131
                A3,Brown,,thirty
                A4,White,31.12.1979,25-30
                A5,Green,,30-25
                """;
        ReaderHarness.Result r = ReaderHarness.read(reader, "a.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.records).singleElement().satisfies(rec ->
                assertThat(rec.fields()).containsEntry("dob", "1979-12-31").containsEntry("age", "25-30"));
        assertThat(r.rejected).containsExactly(
                "2: dob: '1980-02-30' is not a real date (Invalid date 'FEBRUARY 30')",
                "3: age: '131' is not a possible age",
                "4: age: 'thirty' is not an age in years (write e.g. 34 or 25-30)",
                "6: age: '30-25' is not a possible age");
    }

    @Test
    void aSemicolonExportWithHeaderNamesInMessages() throws IOException {
        String csv = "Booking No;Nom;Date of Birth;Charge\nB1;Dupont;30/02/1980;X\n";
        ReaderHarness.Result r = ReaderHarness.read(reader, "a.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.rejected).singleElement().asString()
                .isEqualTo("2: Date of Birth (dob): '30/02/1980' is not a real date (Invalid date 'FEBRUARY 30')");
        assertThat(r.warnings).singleElement().asString().contains("Nom");
        assertThat(ReaderHarness.read(reader, "a.csv", csv.replace("30/02", "28/02").getBytes(StandardCharsets.UTF_8))
                .records).singleElement().satisfies(rec -> assertThat(rec.mentions()).isEmpty());
    }

    @Test
    void fuzz() throws IOException {
        long seed = System.nanoTime();
        System.out.println("arrests-csv fuzz seed " + seed);
        ReaderHarness.fuzz(reader, "bookings.csv", TransactionsCsvReaderTest.resource("bookings.csv"), seed, 500);
    }

    @Test
    void phonesNeedARegionOrACountryCode() throws IOException {
        String csv = "arrest_id,surname,phone\nA1,Smith,020 7946 0123\n";
        ReaderHarness.Result r = ReaderHarness.read(reader, "a.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.records).singleElement().satisfies(rec -> assertThat(rec.mentions()).singleElement()
                .satisfies(m -> {
                    assertThat(m.identifier().type()).isEqualTo(IdentifierType.PHONE);
                    assertThat(m.identifier().value()).isEqualTo("+442079460123");
                }));
    }
}
