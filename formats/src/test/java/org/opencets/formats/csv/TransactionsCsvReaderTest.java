package org.opencets.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.record.Mention;
import org.opencets.core.record.ParsedRecord;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.testing.ReaderHarness;

class TransactionsCsvReaderTest {
    final TransactionsCsvReader reader = new TransactionsCsvReader();

    static byte[] resource(String name) throws IOException {
        try (InputStream in = TransactionsCsvReaderTest.class.getResourceAsStream("/csv/" + name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        }
    }

    static List<Mention> mentions(ParsedRecord r, IdentifierType type) {
        return r.mentions().stream().filter(m -> m.identifier().type() == type).toList();
    }

    @Test
    void anAcquirerReturnWithSeparateDateAndTimeColumnsReadsEveryField() throws IOException {
        ReaderHarness.Result r = ReaderHarness.read(reader, "acquirer-returns.csv", resource("acquirer-returns.csv"));
        assertThat(r.rejected).isEmpty();
        assertThat(r.warnings).isEmpty();
        assertThat(r.records).hasSize(3).allSatisfy(rec -> assertThat(rec.kind()).isEqualTo(RecordKind.TRANSACTION));
        assertThat(r.records).extracting(ParsedRecord::line).containsExactly(2L, 3L, 4L);

        ParsedRecord first = r.records.get(0);
        assertThat(first.occurredAt()).isEqualTo("2024-03-01T14:05:09");
        assertThat(first.fields()).containsEntry("amount", "1234.50").containsEntry("currency", "USD")
                .containsEntry("id", "T-1001").containsEntry("mcc", "5815").containsEntry("terminal_id", "T0001")
                .containsEntry("auth_code", "A1B2C3").containsEntry("arn", "74987654321098765432109")
                .containsEntry("rrn", "406112345678").containsEntry("merchant_id", "445012345678901")
                .containsEntry("billing_city", "Springfield").containsEntry("shipping_city", "Shelbyville")
                .containsEntry("shipping_postcode", "62565").containsEntry("card_bin", "455673")
                .containsEntry("card_last4", "9855").containsEntry("card", "45567375…9855");
        assertThat(first.fields().toString()).doesNotContain("4556737586899855").doesNotContain("4556 7375 8689 9855");
        assertThat(mentions(first, IdentifierType.CARD)).singleElement()
                .satisfies(m -> assertThat(m.role()).isEqualTo("buyer_card"));
        assertThat(mentions(first, IdentifierType.EMAIL)).singleElement()
                .satisfies(m -> assertThat(m.identifier().value()).isEqualTo("j.smith.pics@example.org"));
        assertThat(mentions(first, IdentifierType.PHONE)).singleElement()
                .satisfies(m -> assertThat(m.identifier().value()).isEqualTo("+14155552671"));
        assertThat(mentions(first, IdentifierType.IP)).singleElement()
                .satisfies(m -> assertThat(m.role()).isEqualTo("buyer_ip"));
        assertThat(mentions(first, IdentifierType.ACCOUNT)).singleElement().satisfies(m -> {
            assertThat(m.identifier().value()).isEqualTo("merchant-id:445012345678901");
            assertThat(m.role()).isEqualTo("merchant_id");
        });
        // the descriptor is free text: its URL becomes an identifier
        assertThat(mentions(first, IdentifierType.URL)).singleElement()
                .satisfies(m -> assertThat(m.field()).isEqualTo("descriptor"));

        ParsedRecord second = r.records.get(1);
        assertThat(second.occurredAt()).isEqualTo("2024-03-15T21:30");
        assertThat(mentions(second, IdentifierType.PHONE)).singleElement()
                .satisfies(m -> assertThat(m.identifier().value()).isEqualTo("+14155552672"));

        ParsedRecord masked = r.records.get(2);
        assertThat(masked.fields()).containsEntry("card_bin", "455673").containsEntry("card_last4", "9855")
                .containsEntry("card", "455673…9855").containsEntry("card_masked", true)
                .containsEntry("amount", "12.50").containsEntry("currency", "EUR");
        assertThat(mentions(masked, IdentifierType.CARD)).as("a masked number is not a card identifier").isEmpty();
        assertThat(masked.occurredAt()).isEqualTo("2024-03-16T08:00");
    }

    @Test
    void aSemicolonFileWithDecimalCommasAndDottedDates() throws IOException {
        ReaderHarness.Result r = ReaderHarness.read(reader, "processor-eu.csv", resource("processor-eu.csv"));
        assertThat(r.rejected).isEmpty();
        assertThat(r.records).hasSize(2);
        assertThat(r.records.get(0).fields()).containsEntry("amount", "1234.56").containsEntry("cardholder_name", "Hans Muster");
        assertThat(r.records.get(0).occurredAt()).isEqualTo("2024-03-01T14:05");
        assertThat(r.records.get(1).fields()).containsEntry("amount", "12.50").containsEntry("currency", "EUR");
        assertThat(r.records.get(1).occurredAt()).isEqualTo("2024-03-02T09:15:30");
        assertThat(mentions(r.records.get(1), IdentifierType.CARD)).hasSize(1);
    }

    @Test
    void aCardThatFailsLuhnIsABadRowAndNeverQuoted() throws IOException {
        String csv = "date,card_number,email\n2024-01-01,4556737586899856,a@example.org\n2024-01-02,4556737586899855,b@example.org\n";
        ReaderHarness.Result r = ReaderHarness.read(reader, "x.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.records).hasSize(1);
        assertThat(r.rejected).singleElement().asString().startsWith("2: ").contains("Luhn").doesNotContain("4556737586899856");
        assertThatThrownBy(() -> ReaderHarness.readStrict(reader, "x.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("x.csv:2:");
    }

    @Test
    void aBadlyMaskedNumberIsABadRowWithoutItsDigits() throws IOException {
        String csv = "date,pan\n2024-01-01,4556737586899855XX\n2024-01-02,45XX9855\n";
        ReaderHarness.Result r = ReaderHarness.read(reader, "x.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.records).isEmpty();
        assertThat(r.rejected).hasSize(2).allSatisfy(s -> assertThat(s).contains("masked card number")
                .doesNotContain("4556737586899855"));
    }

    @Test
    void binAndLastFourColumnsAloneMakeAMaskedCard() throws IOException {
        String csv = "date,amount,bin,last 4\n2024-01-01,10.00,45567375,9855\n2024-01-02,5.00,4556,9855\n";
        ReaderHarness.Result r = ReaderHarness.read(reader, "x.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.records).singleElement().satisfies(rec -> {
            assertThat(rec.fields()).containsEntry("card_bin", "45567375").containsEntry("card_last4", "9855")
                    .containsEntry("card", "45567375…9855").containsEntry("card_masked", true);
            assertThat(rec.mentions()).isEmpty();
        });
        assertThat(r.rejected).singleElement().asString().startsWith("3: bin (card_bin): a BIN is 6 to 8 digits");
    }

    @Test
    void binAndLastFourMustAgreeWithTheCardNumber() throws IOException {
        String csv = "date,pan,last4\n2024-01-01,4556737586899855,9855\n2024-01-01,4556737586899855,1234\n";
        ReaderHarness.Result r = ReaderHarness.read(reader, "x.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.records).hasSize(1);
        assertThat(r.rejected).singleElement().asString().startsWith("3: ").contains("does not match")
                .doesNotContain("4556737586899855");
    }

    @Test
    void aMerchantIdHoldingTheCardNumberIsRefused() throws IOException {
        String csv = "date,pan,mid\n2024-01-01,4556737586899855,4556-7375-8689-9855\n";
        ReaderHarness.Result r = ReaderHarness.read(reader, "x.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.records).isEmpty();
        assertThat(r.rejected).singleElement().asString().contains("holds the card number").doesNotContain("4556");
    }

    /**
     * Regression: a merchant id that is a card number (no card column beside it to compare with, or
     * another card's number) was stored in clear as the identifier {@code merchant-id:…} and as its
     * spelling, and printed by records and lookup; only the field was masked.
     */
    @Test
    void aMerchantIdThatIsACardNumberIsMaskedInTheIdentifierAndItsSpelling() throws IOException {
        String csv = "id,date,mid,email\nM1,2024-03-01,4556737586899855,m1@x.org\nM2,2024-03-01,4556 7375 8689 9855,m2@x.org\n";
        ReaderHarness.Result r = ReaderHarness.read(reader, "x.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.records).hasSize(2);
        for (var record : r.records) {
            assertThat(record.mentions()).filteredOn(m -> m.role().equals("merchant_id")).singleElement().satisfies(m -> {
                assertThat(m.identifier().value()).isEqualTo("merchant-id:45567375…9855");
                assertThat(m.identifier().display()).isEqualTo("merchant-id:45567375…9855");
                assertThat(m.raw()).doesNotContain("7586").contains("…9855");
            });
            assertThat(record.toString().replaceAll("[ -]", "")).doesNotContain("4556737586899855");
        }
        // both spellings are the same merchant
        assertThat(r.records).extracting(record -> record.mentions().stream().filter(m -> m.role().equals("merchant_id"))
                .findFirst().orElseThrow().identifier()).containsOnly(r.records.get(0).mentions().stream()
                .filter(m -> m.role().equals("merchant_id")).findFirst().orElseThrow().identifier());
    }

    @Test
    void amountsAndCurrenciesAsExportsWriteThem() throws IOException {
        String csv = """
                date,amount,currency
                2024-01-01,"1,234.50",
                2024-01-01,(12.00),USD
                2024-01-01,GBP 7.5,
                2024-01-01,£3,GBP
                2024-01-01,$5,
                2024-01-01,€5,USD
                2024-01-01,12.3.4,
                2024-01-01,"1,23,456.00",INR
                """;
        ReaderHarness.Result r = ReaderHarness.read(reader, "x.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.records).extracting(rec -> rec.fields().get("amount"))
                .containsExactly("1234.50", "-12.00", "7.5", "3", "5", "123456.00");
        assertThat(r.records).extracting(rec -> rec.fields().get("currency"))
                .containsExactly(null, "USD", "GBP", "GBP", "$", "INR");
        assertThat(r.rejected).hasSize(2);
        assertThat(r.rejected.get(0)).startsWith("7: ").contains("is in EUR, but currency says USD");
        assertThat(r.rejected.get(1)).startsWith("8: amount: '12.3.4'");
    }

    /** A synthetic Luhn-valid number: the body and the check digit commons-validator computes for it. */
    static String luhnValid(String body) {
        try {
            return body + org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit.LUHN_CHECK_DIGIT.calculate(body);
        } catch (org.apache.commons.validator.routines.checkdigit.CheckDigitException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCardNumberInTheAmountColumnIsMaskedOrRefusedWithoutItsDigits() throws IOException {
        String card = luhnValid("455600001234567");
        String dotted = card.substring(0, 4) + "." + card.substring(4, 8) + "." + card.substring(8, 12) + "." + card.substring(12);
        String spaced = dotted.replace('.', ' ');
        String csv = "date,amount\n2024-01-01," + card + "\n2024-01-02," + card + ".00\n2024-01-03," + dotted + "\n2024-01-04,\"" + spaced + "\"\n";
        ReaderHarness.Result r = ReaderHarness.read(reader, "x.csv", csv.getBytes(StandardCharsets.UTF_8));
        String masked = card.substring(0, 8) + "…" + card.substring(12);
        // A whole amount of 16 Luhn-valid digits is kept masked, as the last guard (ParsedRecord) masks every field.
        assertThat(r.records).extracting(rec -> rec.fields().get("amount")).containsExactly(masked, masked + ".00");
        // Grouped in fours it is no amount at all: a bad row, whose reason never quotes the digits.
        assertThat(r.rejected).hasSize(2).allSatisfy(reason -> {
            assertThat(reason).contains("amount").contains("groups its digits irregularly");
            assertThat(reason.replaceAll("(?<=\\d)[ .](?=\\d)", "")).doesNotContain(card);
        });
        assertThat(r.records.toString()).doesNotContain(card);
    }

    @Test
    void impossibleDatesAreRejectedWithLineAndReason() throws IOException {
        String csv = "date,time,amount\n2024-02-30,10:00,1.00\n2024-02-29,25:00,1.00\n31/04/2024,10:00,1.00\n2024-02-29,23:59:59,1.00\n";
        ReaderHarness.Result r = ReaderHarness.read(reader, "x.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.records).singleElement().satisfies(rec -> assertThat(rec.occurredAt()).isEqualTo("2024-02-29T23:59:59"));
        assertThat(r.rejected).containsExactly(
                "2: date: '2024-02-30' is not a real date (Invalid date 'FEBRUARY 30')",
                "3: time: '25:00' is not a real time of day",
                "4: date: '31/04/2024' is not a real date (Invalid date 'APRIL 31')");
    }

    @Test
    void aTimeOfDayWithoutADateAndDisagreeingColumnsAreBadRows() throws IOException {
        String csv = "time,amount\n10:00,1.00\n";
        assertThat(ReaderHarness.read(reader, "x.csv", csv.getBytes(StandardCharsets.UTF_8)).rejected)
                .singleElement().asString().contains("is a time of day, and the row has no date");
        String both = "date,datetime,amount\n2024-01-01,2024-01-02T10:00:00Z,1.00\n2024-01-02,2024-01-02T10:00:00Z,1.00\n";
        ReaderHarness.Result r = ReaderHarness.read(reader, "x.csv", both.getBytes(StandardCharsets.UTF_8));
        assertThat(r.rejected).singleElement().asString().startsWith("2: ").contains("name different days");
        assertThat(r.records).singleElement().satisfies(rec -> assertThat(rec.occurredAt()).isEqualTo("2024-01-02T10:00:00Z"));
    }

    @Test
    void ambiguousDatesAreSettledFromTheWholeFile() throws IOException {
        String csv = "date,amount\n03/04/2024,1.00\n05/06/2024,1.00\n12/25/2024,1.00\n";
        ReaderHarness.Result r = ReaderHarness.read(reader, "x.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.rejected).isEmpty();
        assertThat(r.records).extracting(ParsedRecord::occurredAt).containsExactly("2024-03-04", "2024-05-06", "2024-12-25");
        assertThat(r.warnings).singleElement().asString().contains("month/day/year").contains("line 4");

        ReaderHarness.Result dmy = ReaderHarness.read(reader, "x.csv", csv.getBytes(StandardCharsets.UTF_8), null,
                Map.of("date-order", "dmy"));
        assertThat(dmy.records).extracting(ParsedRecord::occurredAt).containsExactly("2024-04-03", "2024-06-05");
        assertThat(dmy.rejected).singleElement().asString().startsWith("4: ").contains("not a real date");
    }

    @Test
    void datesThatNothingSettlesOrThatDisagreeAreBadRowsNamingTheOption() throws IOException {
        String none = "date,amount\n03/04/2024,1.00\n";
        assertThat(ReaderHarness.read(reader, "x.csv", none.getBytes(StandardCharsets.UTF_8)).rejected)
                .singleElement().asString().contains("'03/04/2024' could be day/month or month/day")
                .contains("no date in the file tells").contains("--date-order");
        String both = "date,amount\n03/04/2024,1.00\n13/04/2024,1.00\n04/13/2024,1.00\n";
        ReaderHarness.Result r = ReaderHarness.read(reader, "x.csv", both.getBytes(StandardCharsets.UTF_8));
        assertThat(r.rejected).singleElement().asString().startsWith("2: ").contains("writes dates both ways");
        assertThat(r.records).hasSize(2);
    }

    @Test
    void encodingsBomAndWindows1252() throws IOException {
        String csv = "date,cardholder_name,amount\n2024-01-01,Zoë Müller,\"€1,00\"\n";
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(csv.getBytes(StandardCharsets.UTF_8));
        ReaderHarness.Result withBom = ReaderHarness.read(reader, "x.csv", bom.toByteArray());
        assertThat(withBom.records).singleElement().satisfies(rec ->
                assertThat(rec.fields()).containsEntry("cardholder_name", "Zoë Müller").containsEntry("currency", "EUR"));
        assertThat(reader.sniff("x.csv", bom.toByteArray())).isPositive();

        byte[] cp1252 = csv.getBytes(Charset.forName("windows-1252"));
        assertThatThrownBy(() -> ReaderHarness.readStrict(reader, "x.csv", cp1252, Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("x.csv:2: bytes at offset 41 are not valid UTF-8")
                .hasMessageContaining("--encoding windows-1252");
        ReaderHarness.Result named = ReaderHarness.read(reader, "x.csv", cp1252, Charset.forName("windows-1252"), Map.of());
        assertThat(named.records).singleElement().satisfies(rec ->
                assertThat(rec.fields()).containsEntry("cardholder_name", "Zoë Müller").containsEntry("amount", "1.00"));
    }

    @Test
    void aMappingFileMayNameFieldsByAnAliasAndOverridesTheHeaderTable() throws IOException {
        java.nio.file.Path map = java.nio.file.Files.createTempFile("acq", ".map");
        try {
            java.nio.file.Files.writeString(map, "card_number = Card Ref\ncity = Stadt\n");
            String csv = "date,Card Ref,PAN,Stadt\n2024-01-01,4556737586899855,not-a-card,Bonn\n";
            ReaderHarness.Result r = ReaderHarness.read(reader, "x.csv", csv.getBytes(StandardCharsets.UTF_8), null,
                    Map.of("mapping", map.toString()));
            assertThat(r.rejected).isEmpty();
            assertThat(r.records).singleElement().satisfies(rec -> {
                assertThat(rec.fields()).containsEntry("billing_city", "Bonn").doesNotContainValue("not-a-card");
                assertThat(mentions(rec, IdentifierType.CARD)).hasSize(1);
            });
            assertThat(r.warnings).singleElement().asString().contains("PAN");
        } finally {
            java.nio.file.Files.delete(map);
        }
    }

    @Test
    void theDelimiterOptionAndQuotedHeadersAreHonoured() throws IOException {
        String tsv = "\"date\"\t\"amount\"\t\"merchant\"\n2024-01-01\t9.99\tA, B and C\n";
        ReaderHarness.Result r = ReaderHarness.read(reader, "x.tsv", tsv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.records).singleElement().satisfies(rec -> assertThat(rec.fields()).containsEntry("merchant", "A, B and C"));
        assertThat(reader.sniff("x.tsv", tsv.getBytes(StandardCharsets.UTF_8))).isPositive();
        String pipes = "date|amount\n2024-01-01|9.99\n";
        assertThat(ReaderHarness.read(reader, "x.txt", pipes.getBytes(StandardCharsets.UTF_8), null,
                Map.of("delimiter", "pipe")).records).hasSize(1);
    }

    /**
     * A 100 MB line whose quote never closes is refused as too long, not as a parser buffer overflow;
     * generated as it is read (never held whole).
     */
    @Test
    void aHundredMegabyteLineIsAClearError() {
        byte[] head = "date,amount,merchant\n2024-01-01,1.00,\"".getBytes(StandardCharsets.UTF_8);
        long size = 100L * 1024 * 1024;
        ReadSource source = new ReadSource("huge.csv", () -> new RepeatingInput(head, "x".getBytes(StandardCharsets.US_ASCII), size - head.length, new byte[0]), null,
                ReaderHarness.CONTEXT, Map.of(), ReadSource.DEFAULT_MAX_LINE_BYTES);
        ReaderHarness.Result skipping = new ReaderHarness.Result();
        assertThatCode(() -> reader.read(source, skipping)).doesNotThrowAnyException();
        assertThat(skipping.rejected).containsExactly("2: line is longer than 16 MiB; the file is corrupt or not CSV");
        assertThat(skipping.records).isEmpty();
    }

    @Test
    void fuzz() throws IOException {
        long seed = System.nanoTime();
        System.out.println("transactions-csv fuzz seed " + seed);
        int errors = ReaderHarness.fuzz(reader, "acquirer-returns.csv", resource("acquirer-returns.csv"), seed, 500);
        assertThat(errors).isLessThan(500);
        long seed2 = seed + 1;
        System.out.println("transactions-csv fuzz seed " + seed2);
        ReaderHarness.fuzz(reader, "processor-eu.csv", resource("processor-eu.csv"), seed2, 300);
    }
}
