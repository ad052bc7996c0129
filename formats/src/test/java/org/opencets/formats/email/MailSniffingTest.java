package org.opencets.formats.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opencets.formats.read.Formats;

/** --format auto: mailboxes and messages are told apart from each other and from CSV, JSON and chat logs. */
class MailSniffingTest {
    final Formats formats = Formats.installed();

    String detect(String name, String content) {
        return formats.detect(name, content.getBytes(StandardCharsets.UTF_8)).map(r -> r.format()).orElse("none");
    }

    @Test
    void mailboxesAndMessagesAreRecognisedByContent() throws Exception {
        assertThat(detect("export", new String(EmlReaderTest.resource("mailbox.mbox"), StandardCharsets.ISO_8859_1))).isEqualTo("mbox");
        assertThat(detect("export.txt", new String(EmlReaderTest.resource("multipart.eml"), StandardCharsets.ISO_8859_1))).isEqualTo("eml");
        assertThat(detect("m", "Received: from x by y; Fri, 21 Nov 2026\nFrom: a@example.org\nSubject: hi\n\nbody\n")).isEqualTo("eml");
        assertThat(detect("m", "MIME-Version: 1.0\r\nMessage-ID: <1@x>\r\nContent-Type: text/plain\r\n\r\nbody\r\n")).isEqualTo("eml");
        assertThat(detect("m.eml", "From: a@example.org\nX-Custom:\n  folded\nSubject: hi\n\n")).isEqualTo("eml");
    }

    @Test
    void aFileOpeningWithASeparatorIsNeverClaimedByEml() throws Exception {
        byte[] one = "From a@example.org Fri Nov 21 10:00:00 2026\nFrom: a@example.org\nSubject: x\n\nhi\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(new EmlReader().sniff("one.eml", one)).isZero();
        assertThat(new EmlReader().sniff("x", EmlReaderTest.resource("mailbox.mbox"))).isZero();
        assertThat(new MboxReader().sniff("one.eml", one)).isGreaterThanOrEqualTo(60);
    }

    @Test
    void otherFormatsAreNotTakenForMail() {
        MboxReader mbox = new MboxReader();
        EmlReader eml = new EmlReader();
        for (String other : new String[] {
                "date,from,to,subject\n2024-01-01,a@example.org,b@example.org,hi\n",
                "{\"kind\":\"message\",\"from\":\"x\"}\n",
                "[{\"From\": \"a\"}]",
                "alice: hi\nbob: hello\n",
                "From: the desk of a@example.org\nthis is prose, not headers\n",
                "From the start of the book\n"}) {
            byte[] b = other.getBytes(StandardCharsets.UTF_8);
            assertThat(mbox.sniff("x.txt", b)).as(other).isLessThan(50);
            assertThat(eml.sniff("x.txt", b)).as(other).isLessThan(50);
        }
    }
}
