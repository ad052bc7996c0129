package org.opencets.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.opencets.formats.read.Formats;
import org.opencets.formats.read.RecordReader;

/**
 * {@code --format auto} tells payments, arrests, NIBRS XML, tips and the canonical JSON Lines apart
 * by content, whatever the file is called; and each of these readers gives the others' samples 0,
 * so a wrong {@code --format} gets a message naming the likely one.
 */
class RecordFormatsDetectionTest {
    final Formats formats = Formats.installed();

    static byte[] resource(String path) throws IOException {
        try (InputStream in = RecordFormatsDetectionTest.class.getResourceAsStream(path)) {
            return Objects.requireNonNull(in, path).readAllBytes();
        }
    }

    String detected(String name, byte[] head) {
        return formats.detect(name, head).map(RecordReader::format).orElse("none");
    }

    @Test
    void eachSampleIsDetectedAsItsFormatUnderAnyName() throws IOException {
        String[][] samples = {
                {"/csv/acquirer-returns.csv", "transactions-csv"},
                {"/csv/processor-eu.csv", "transactions-csv"},
                {"/csv/bookings.csv", "arrests-csv"},
                {"/nibrs/group-b-arrests.xml", "nibrs-xml"},
                {"/tip/single-report.json", "tip-json"},
                {"/tip/reports-array.json", "tip-json"},
                {"/tip/reports-wrapper.json", "tip-json"},
        };
        for (String[] s : samples) {
            byte[] head = resource(s[0]);
            for (String name : new String[] {"evidence.bin", "export.txt", "data.jsonl", "x.csv", "x.xml", "x.json"}) {
                assertThat(detected(name, head)).as(s[0] + " named " + name).isEqualTo(s[1]);
            }
        }
        byte[] jsonl = "{\"kind\":\"tip\",\"service\":\"x\",\"accounts\":[]}\n{\"kind\":\"note\",\"text\":\"y\"}\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(detected("x.json", jsonl)).isEqualTo("jsonl");
    }

    @Test
    void eachReaderScoresTheOthersSamplesZero() throws IOException {
        String[][] samples = {
                {"/csv/acquirer-returns.csv", "transactions-csv"},
                {"/csv/bookings.csv", "arrests-csv"},
                {"/nibrs/group-b-arrests.xml", "nibrs-xml"},
                {"/tip/single-report.json", "tip-json"},
        };
        for (String[] s : samples) {
            byte[] head = resource(s[0]);
            for (String[] other : samples) {
                int score = formats.byName(other[1]).sniff("evidence.bin", head);
                if (other[1].equals(s[1])) {
                    assertThat(score).as(other[1] + " on " + s[0]).isGreaterThanOrEqualTo(60);
                } else {
                    assertThat(score).as(other[1] + " on " + s[0]).isZero();
                }
            }
            assertThat(formats.byName("jsonl").sniff("evidence.bin", head)).as("jsonl on " + s[0]).isLessThan(60);
        }
    }

    @Test
    void xmlThatIsNotNibrsAndJsonThatIsNotATipAreNotClaimed() {
        byte[] xml = "<?xml version=\"1.0\"?><root xmlns=\"urn:example\"><Report/></root>".getBytes(StandardCharsets.UTF_8);
        assertThat(formats.byName("nibrs-xml").sniff("r.xml", xml)).isZero();
        byte[] json = "{\"messages\": [{\"from\": \"a\", \"text\": \"b\"}]}".getBytes(StandardCharsets.UTF_8);
        assertThat(formats.byName("tip-json").sniff("r.json", json)).isZero();
    }
}
