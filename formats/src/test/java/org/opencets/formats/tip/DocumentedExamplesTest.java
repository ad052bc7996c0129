package org.opencets.formats.tip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.record.Mention;
import org.opencets.core.record.ParsedRecord;
import org.opencets.formats.csv.ArrestsCsvReader;
import org.opencets.formats.csv.TransactionsCsvReader;
import org.opencets.formats.nibrs.NibrsXmlReader;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.testing.ReaderHarness;

/** The examples in docs/FORMATS.md for payments, arrests, NIBRS and tips read as the text says. */
class DocumentedExamplesTest {
    static String section(String heading, String fence) throws IOException {
        Path doc = Path.of("..", "docs", "FORMATS.md");
        Assumptions.assumeTrue(Files.exists(doc), "docs/FORMATS.md not found beside the module; skipped");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int at = text.indexOf("## `" + heading + "`");
        assertThat(at).as("section " + heading).isNotNegative();
        int start = text.indexOf("```" + fence + "\n", at) + fence.length() + 4;
        return text.substring(start, text.indexOf("```", start));
    }

    static ReaderHarness.Result read(RecordReader reader, String example) throws IOException {
        ReaderHarness.Result r = ReaderHarness.read(reader, "example", example.getBytes(StandardCharsets.UTF_8));
        assertThat(r.rejected).as(reader.format()).isEmpty();
        return r;
    }

    @Test
    void theTipExample() throws IOException {
        ParsedRecord tip = read(new TipJsonReader(), section("tip-json", "json")).records.get(0);
        assertThat(tip.mentions()).extracting(m -> m.identifier().key()).containsExactlyInAnyOrder(
                "email:star.backup@example.com", "email:darkstar77@example.org", "account:examplechat:darkstar_77",
                "account:examplechat:884213", "phone:+14155552673", "ip:81.2.69.160", "ip:2001:db8::42",
                "file_hash:md5:0cc175b9c0f1b6a831c399e269772661",
                "file_hash:sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb",
                "url:https://cdn.examplechat.example/u/884213/abc123.jpg");
        assertThat(tip.mentions()).filteredOn(m -> m.identifier().type() == IdentifierType.EMAIL)
                .extracting(Mention::role).containsExactlyInAnyOrder("text", "reported_email");
    }

    @Test
    void theNibrsExample() throws IOException {
        ReaderHarness.Result r = read(new NibrsXmlReader(), section("nibrs-xml", "xml"));
        assertThat(r.records).singleElement().satisfies(rec -> assertThat(rec.fields())
                .containsEntry("id", "ATN-24-0002").containsEntry("age", "34").containsEntry("charges", "90D"));
    }

    @Test
    void theTransactionsAndArrestsExamples() throws IOException {
        ReaderHarness.Result tx = read(new TransactionsCsvReader(), section("transactions-csv", "csv"));
        assertThat(tx.records).hasSize(2);
        assertThat(tx.records.get(1).fields()).containsEntry("card", "455673…9855").containsEntry("currency", "EUR");
        assertThat(tx.records.get(1).occurredAt()).isEqualTo("2024-03-16T20:00");
        ReaderHarness.Result arrests = read(new ArrestsCsvReader(), section("arrests-csv", "csv"));
        assertThat(arrests.records).singleElement().satisfies(rec -> assertThat(rec.fields()).containsEntry("ori", "IL0160000"));
    }
}
