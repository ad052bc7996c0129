package org.opencets.formats.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.record.Mention;
import org.opencets.core.record.ParsedRecord;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.testing.ReaderHarness;

/** A single multipart message: addresses, encoded words, trace IPs, attachment hashes, body text. */
class EmlReaderTest {
    final EmlReader reader = new EmlReader();

    static byte[] resource(String name) throws IOException {
        try (InputStream in = EmlReaderTest.class.getResourceAsStream("/email/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** The attachment of multipart.eml: bytes 0..255, ten times (see the fixture's base64). */
    static byte[] attachmentPayload() {
        byte[] b = new byte[2560];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }

    static List<String> values(ParsedRecord r, String role) {
        return r.mentions().stream().filter(m -> m.role().equals(role)).map(m -> m.identifier().value()).toList();
    }

    @Test
    void multipartMessageBecomesOneRecordWithEveryIdentifier() throws Exception {
        ReaderHarness.Result result = ReaderHarness.read(reader, "multipart.eml", resource("multipart.eml"));
        assertThat(result.rejected).isEmpty();
        assertThat(result.records).hasSize(1);
        ParsedRecord r = result.records.get(0);
        assertThat(r.kind()).isEqualTo(RecordKind.MESSAGE);
        assertThat(r.line()).isEqualTo(1);
        assertThat(r.offset()).isZero();
        assertThat(r.occurredAt()).isEqualTo("2026-11-21T10:15:30Z");
        assertThat(r.fields()).containsEntry("platform", "email")
                .containsEntry("date", "Fri, 21 Nov 2026 11:15:30 +0100")
                .containsEntry("message_id", "<20261121101530.1@origin.test>");

        // RFC 2047: B-encoded UTF-8 subject and name, Q-encoded ISO-8859-1 name
        assertThat(r.fields().get("subject")).isEqualTo("Rendez-vous à 10h — photos");
        assertThat(r.fields().get("from")).isEqualTo(List.of("André Dupré <Andre.Dupre@Example.ORG>"));
        assertThat(r.fields().get("to")).isEqualTo(List.of("Bob Example <bob@example.com>", "Zoé Æther <zoe@example.org>"));

        assertThat(values(r, "sender")).containsExactly("andre.dupre@example.org");
        assertThat(values(r, "recipient")).containsExactly("bob@example.com", "zoe@example.org");
        assertThat(values(r, "cc")).containsExactly("carol@example.net");
        assertThat(values(r, "reply_to")).containsExactly("andre.reply@example.org");
        assertThat(values(r, "return_path")).containsExactly("andre.dupre@origin.test");

        // Received: public addresses of the from clauses only (not 10.0.0.5, not the by clause's 81.2.69.100)
        assertThat(values(r, "received_ip")).containsExactlyInAnyOrder("81.2.69.160", "2001:470:1f0b:1::2");
        assertThat(values(r, "originating_ip")).containsExactly("81.2.69.192");

        // attachment hashed while streaming the decoded part
        byte[] payload = attachmentPayload();
        assertThat(values(r, "attachment")).containsExactlyInAnyOrder(
                "md5:" + hex("MD5", payload), "sha1:" + hex("SHA-1", payload), "sha256:" + hex("SHA-256", payload));
        assertThat(r.mentions()).filteredOn(m -> m.role().equals("attachment"))
                .allSatisfy(m -> assertThat(m.identifier().type()).isEqualTo(IdentifierType.FILE_HASH));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attachments = (List<Map<String, Object>>) r.fields().get("attachments");
        assertThat(attachments).singleElement().satisfies(a -> {
            assertThat(a).containsEntry("name", "photo été.jpg").containsEntry("size", 2560L)
                    .containsEntry("content_type", "application/octet-stream")
                    .containsEntry("sha256", hex("SHA-256", payload));
        });

        // text/plain, quoted-printable decoded (soft line break joins the address); html ignored when plain exists
        String body = (String) r.fields().get("body");
        assertThat(body).contains("Café at ten").contains("d.martin@example.com");
        assertThat(r.mentions()).filteredOn(m -> m.role().equals("text"))
                .extracting(m -> m.identifier().type() + ":" + m.identifier().value())
                .contains("EMAIL:d.martin@example.com", "PHONE:+442079460123")
                .doesNotContain("EMAIL:html.only@example.com");
        Mention email = r.mentions().stream().filter(m -> m.identifier().value().equals("d.martin@example.com")).findFirst().orElseThrow();
        assertThat(body.substring(email.start(), email.end())).isEqualTo("d.martin@example.com");
        assertThat(result.warnings).isEmpty();
    }

    @Test
    void htmlIsReadWhenThereIsNoPlainText() throws Exception {
        String eml = """
                From: a@example.org
                Date: Fri, 21 Nov 2026 10:00:00 +0000
                Content-Type: text/html; charset=UTF-8

                <html><head><style>p { color: red }</style><script>var x = "not@text.example";</script></head>
                <body><p>Write to <a href="mailto:html.only@example.com">me</a> &amp; visit
                www.example.net &#8212; bye</p><!-- hidden@comment.example --></body></html>
                """;
        ParsedRecord r = ReaderHarness.readStrict(reader, "h.eml", eml.getBytes(StandardCharsets.UTF_8), Map.of()).get(0);
        String body = (String) r.fields().get("body");
        assertThat(body).contains("Write to").contains("& visit").contains("—").doesNotContain("<p>").doesNotContain("color");
        assertThat(r.mentions()).extracting(m -> m.identifier().value())
                .contains("html.only@example.com").doesNotContain("not@text.example", "hidden@comment.example");
    }

    @Test
    void aLeadingMboxSeparatorIsKeptAsTheEnvelope() throws Exception {
        String eml = "From someone@example.org Fri Nov 21 10:00:00 2026\nFrom: a@example.org\nSubject: x\n\nhi\n";
        ParsedRecord r = ReaderHarness.readStrict(reader, "x.eml", eml.getBytes(StandardCharsets.US_ASCII), Map.of()).get(0);
        assertThat(r.fields()).containsEntry("envelope", "someone@example.org Fri Nov 21 10:00:00 2026");
        assertThat(values(r, "sender")).containsExactly("a@example.org");
    }

    /** RFC 6532: raw UTF-8 in headers, including the local part of an address (mime4j alone cuts the domain short). */
    @Test
    void rawUtf8HeadersAndInternationalAddresses() throws Exception {
        String eml = "From: Zoë Müller <zoë@example.org>\nTo: \"Jörg\" <j@exämple.org>, =?UTF-8?Q?Xq0000e9qX?= <x@example.org>\n"
                + "Subject: café direct\nDate: Fri, 21 Nov 2026 10:00:00 +0000\n\nhi\n";
        ReaderHarness.Result result = ReaderHarness.read(reader, "u.eml", eml.getBytes(StandardCharsets.UTF_8));
        ParsedRecord r = result.records.get(0);
        assertThat(r.fields()).containsEntry("from", List.of("Zoë Müller <zoë@example.org>"))
                .containsEntry("to", List.of("Jörg <j@exämple.org>", "Xq0000e9qX <x@example.org>"))
                .containsEntry("subject", "café direct");
        assertThat(values(r, "sender")).containsExactly("zoë@example.org");
        assertThat(values(r, "recipient")).hasSize(2).contains("x@example.org");
        assertThat(result.warnings).isEmpty();
    }

    /** RFC 2231 parameter values (charset, percent-encoding, continuations) name the attachments. */
    @Test
    void rfc2231FileNames() throws Exception {
        String eml = "From: a@example.org\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: application/pdf\n"
                + "Content-Disposition: attachment; filename*=UTF-8''%C3%A9t%C3%A9.pdf\n\nx\n--b\nContent-Type: application/pdf\n"
                + "Content-Disposition: attachment;\n filename*0*=UTF-8''long%20na;\n filename*1*=me%C3%A9.pdf\n\ny\n--b--\n";
        ParsedRecord r = ReaderHarness.readStrict(reader, "f.eml", eml.getBytes(StandardCharsets.US_ASCII), Map.of()).get(0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attachments = (List<Map<String, Object>>) r.fields().get("attachments");
        assertThat(attachments).extracting(a -> a.get("name")).containsExactly("été.pdf", "long nameé.pdf");
        assertThat(attachments).extracting(a -> a.get("sha1")).containsExactly(
                hex("SHA-1", "x".getBytes(StandardCharsets.US_ASCII)), hex("SHA-1", "y".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void somethingWithoutHeaderFieldsIsRejected() throws Exception {
        ReaderHarness.Result r = ReaderHarness.read(reader, "x.eml", "just some words\nand more\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(r.records).isEmpty();
        assertThat(r.rejected).singleElement().asString().startsWith("1: ").contains("no header fields");
    }

    @Test
    void invalidAddressesAreWarnedAboutAndTheMessageIsKept() throws Exception {
        String eml = "From: nobody-without-domain\nTo: ok@example.org, \"broken\" <@@>\nSubject: x\nDate: Fri, 21 Nov 2026 10:00:00 +0000\n\nhi\n";
        ReaderHarness.Result r = ReaderHarness.read(reader, "x.eml", eml.getBytes(StandardCharsets.US_ASCII));
        assertThat(r.records).singleElement().satisfies(rec -> assertThat(values(rec, "recipient")).containsExactly("ok@example.org"));
        assertThat(r.warnings).anySatisfy(w -> assertThat(w).contains("the message").contains("from"));
    }
}
