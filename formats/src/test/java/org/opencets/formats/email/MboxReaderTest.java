package org.opencets.formats.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencets.formats.email.EmlReaderTest.resource;
import static org.opencets.formats.email.EmlReaderTest.values;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencets.core.record.ParsedRecord;
import org.opencets.formats.testing.ReaderHarness;

/** mailbox.mbox: five messages covering quoting, a missing Date, charsets, a bad date and a truncated end. */
class MboxReaderTest {
    final MboxReader reader = new MboxReader();

    /** The byte offset of each 1-based line of the file. */
    static long offsetOfLine(byte[] file, long line) {
        long n = 1;
        for (int i = 0; i < file.length && n < line; i++) {
            if (file[i] == '\n') {
                n++;
                if (n == line) {
                    return i + 1;
                }
            }
        }
        return line == 1 ? 0 : -1;
    }

    static byte[] crlf(byte[] lf) {
        String s = new String(lf, StandardCharsets.ISO_8859_1);
        return s.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void lfMailboxGivesOneRecordPerMessageAtItsSeparatorLine() throws Exception {
        checkMailbox(resource("mailbox.mbox"), "\n");
    }

    @Test
    void crlfMailboxReadsTheSame() throws Exception {
        checkMailbox(crlf(resource("mailbox.mbox")), "\r\n");
    }

    private void checkMailbox(byte[] file, String eol) throws Exception {
        ReaderHarness.Result r = ReaderHarness.read(reader, "mailbox.mbox", file);
        assertThat(r.rejected).isEmpty();
        assertThat(r.records).extracting(ParsedRecord::line).containsExactly(1L, 13L, 22L, 33L, 43L);
        for (ParsedRecord rec : r.records) {
            assertThat(rec.offset()).isEqualTo(offsetOfLine(file, rec.line()));
            assertThat(new String(file, (int) rec.offset(), 5, StandardCharsets.US_ASCII)).isEqualTo("From ");
        }
        ParsedRecord m1 = r.records.get(0);
        assertThat(m1.occurredAt()).isEqualTo("2026-11-21T10:15:30Z");
        assertThat(m1.fields()).containsEntry("envelope", "andre.dupre@origin.test Fri Nov 21 10:15:32 2026");
        // mboxrd: one '>' removed from >From and >>From lines
        assertThat((String) m1.fields().get("body")).isEqualTo("first line" + eol
                + "From the start, this line was quoted once." + eol + ">From here, this one twice." + eol);
        assertThat(values(m1, "received_ip")).containsExactly("81.2.69.160");
        assertThat(values(m1, "sender")).containsExactly("andre.dupre@example.org");

        ParsedRecord m2 = r.records.get(1);
        assertThat(m2.occurredAt()).isNull();
        assertThat(values(m2, "originating_ip")).containsExactly("81.2.69.161");
        assertThat(values(m2, "received_ip")).containsExactly("2001:470:1f0b:1::2");
        assertThat(r.warnings).anySatisfy(w -> assertThat(w).startsWith("message at line 13:").contains("no Date header"));

        ParsedRecord m3 = r.records.get(2);
        assertThat((String) m3.fields().get("body")).startsWith("Café “quoted” costs € 5, mail zoe.alt@example.org");
        assertThat(m3.fields()).containsEntry("subject", "café").containsEntry("from", List.of("Zoé <zoe@example.org>"));
        assertThat(m3.occurredAt()).isEqualTo("2026-11-23T14:30:00Z"); // 23 Nov 26 09:30 EST, obsolete form
        assertThat(values(m3, "text")).containsExactly("zoe.alt@example.org");
        assertThat(r.warnings).noneSatisfy(w -> assertThat(w).startsWith("message at line 22"));

        ParsedRecord m4 = r.records.get(3);
        assertThat(m4.occurredAt()).isNull();
        assertThat(m4.fields()).containsEntry("date", "Sat, 30 Feb 2026 10:00:00 +0000");
        assertThat((String) m4.fields().get("body")).startsWith("naïve “text”");
        assertThat(r.warnings).anySatisfy(w -> assertThat(w).startsWith("message at line 33").contains("30 Feb").contains("impossible"));
        assertThat(r.warnings).anySatisfy(w -> assertThat(w).startsWith("message at line 33, part 1")
                .contains("us-ascii").contains("3 in all").contains("windows-1252"));

        ParsedRecord m5 = r.records.get(4);
        assertThat((String) m5.fields().get("body")).startsWith("The attachment is cut short.");
        assertThat(values(m5, "attachment")).hasSize(3);
        assertThat(r.warnings).anySatisfy(w -> assertThat(w).startsWith("message at line 43")
                .contains("cut.jpg").containsIgnoringCase("end of BASE64").contains("ended prematurely"));
    }

    @Test
    void lfAndCrlfFilesGiveTheSameIdentifiers() throws Exception {
        byte[] lf = resource("mailbox.mbox");
        List<ParsedRecord> a = ReaderHarness.read(reader, "a.mbox", lf).records;
        List<ParsedRecord> b = ReaderHarness.read(reader, "b.mbox", crlf(lf)).records;
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).mentions()).isEqualTo(a.get(i).mentions());
            assertThat(b.get(i).occurredAt()).isEqualTo(a.get(i).occurredAt());
        }
    }

    @Test
    void textBeforeTheFirstSeparatorIsRejectedAndTheRestRead() throws Exception {
        byte[] file = ("Subject: stray\n\nnot in a message\n" + new String(resource("mailbox.mbox"), StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1);
        ReaderHarness.Result r = ReaderHarness.read(reader, "x.mbox", file);
        assertThat(r.rejected).singleElement().asString().startsWith("1: text before the first 'From ' line");
        assertThat(r.records).hasSize(5);
        assertThat(r.records.get(0).line()).isEqualTo(4);
    }

    @Test
    void aSeparatorAtTheEndOfTheFileIsAnEmptyMessage() throws Exception {
        String file = "From a@example.org Fri Nov 21 10:00:00 2026\nFrom: a@example.org\n\nhi\n\nFrom b@example.org Fri Nov 21 10:00:00 2026\n";
        ReaderHarness.Result r = ReaderHarness.read(reader, "x.mbox", file.getBytes(StandardCharsets.US_ASCII));
        assertThat(r.records).hasSize(1);
        assertThat(r.rejected).singleElement().asString().startsWith("6: ").contains("empty");
    }

    @Test
    void manyWarningsOfOneKindAreSummedUp() throws Exception {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            file.append("From a@example.org Fri Nov 21 10:00:00 2026\nFrom: a@example.org\n\nno date ").append(i).append("\n\n");
        }
        ReaderHarness.Result r = ReaderHarness.read(reader, "x.mbox", file.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(r.records).hasSize(50);
        assertThat(r.warnings).hasSize(WarningLog.LISTED_PER_KIND + 1);
        assertThat(r.warnings.get(r.warnings.size() - 1)).isEqualTo("50 messages without a Date header in all (the first 20 are listed above)");
    }

    @Test
    void theUserEncodingIsUsedForPartsWithoutACharset() throws Exception {
        byte[] head = "From a@example.org Fri Nov 21 10:00:00 2026\nFrom: a@example.org\nDate: Fri, 21 Nov 2026 10:00:00 +0000\n\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] body = "Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = new byte[head.length + body.length];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(body, 0, file, head.length, body.length);
        ReaderHarness.Result r = ReaderHarness.read(reader, "x.mbox", file, java.nio.charset.Charset.forName("windows-1252"), Map.of());
        assertThat((String) r.records.get(0).fields().get("body")).isEqualTo("Café\n");
        assertThat(r.warnings).isEmpty();
    }
}
