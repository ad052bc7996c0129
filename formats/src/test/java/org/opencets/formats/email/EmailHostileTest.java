package org.opencets.formats.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.testing.ReaderHarness;

/** Input built to hurt: a 100 MB line, truncated base64, boundaries that never close, header floods. */
class EmailHostileTest {
    static final long HUNDRED_MB = 100L * 1000 * 1000;

    /** n bytes of 'A' without a newline, generated as read: the test never holds them. */
    static InputStream longLine(long n) {
        return new InputStream() {
            long left = n;

            @Override
            public int read() {
                return left-- > 0 ? 'A' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int k = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + k, (byte) 'A');
                left -= k;
                return k;
            }
        };
    }

    static InputStream concat(InputStream... parts) {
        return new SequenceInputStream(java.util.Collections.enumeration(List.of(parts)));
    }

    static InputStream text(String s) {
        return new java.io.ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    static ReadSource source(String name, ReadSource.Opener opener) {
        return new ReadSource(name, opener, null, ReaderHarness.CONTEXT, Map.of(), ReadSource.DEFAULT_MAX_LINE_BYTES);
    }

    @Test
    void aHundredMegabyteLineInAMailboxIsRejectedAndTheNextMessageRead() throws IOException {
        ReaderHarness.Result r = new ReaderHarness.Result();
        new MboxReader().read(source("big.mbox", () -> concat(
                text("From a@example.org Fri Nov 21 10:00:00 2026\nFrom: a@example.org\n\n"),
                longLine(HUNDRED_MB),
                text("\n\nFrom b@example.org Fri Nov 21 10:00:00 2026\nFrom: b@example.org\nSubject: after\n\nok\n"))), r);
        assertThat(r.rejected).singleElement().asString().startsWith("1: ").contains("over the limit of 64 MiB");
        assertThat(r.records).singleElement().satisfies(rec -> {
            assertThat(rec.line()).isEqualTo(6);
            assertThat(rec.offset()).isEqualTo(44 + 20 + 1 + HUNDRED_MB + 2);
            assertThat(rec.fields()).containsEntry("subject", "after");
        });
    }

    @Test
    void aHundredMegabyteLineAsASingleMessageIsRejected() throws IOException {
        ReaderHarness.Result r = new ReaderHarness.Result();
        new EmlReader().read(source("big.eml", () -> concat(text("From: a@example.org\n\n"), longLine(HUNDRED_MB))), r);
        assertThat(r.records).isEmpty();
        assertThat(r.rejected).singleElement().asString().startsWith("1: ").contains("over the limit");
    }

    @Test
    void aTruncatedBase64PartIsHashedAsFarAsItDecodesAndReported() throws Exception {
        byte[] payload = new byte[300];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 7);
        }
        String b64 = Base64.getEncoder().encodeToString(payload);
        String cut = b64.substring(0, 102); // 25 whole quanta (75 bytes) and two sextets of the next
        String eml = "From: a@example.org\nDate: Fri, 21 Nov 2026 10:00:00 +0000\nContent-Type: multipart/mixed; boundary=b\n\n"
                + "--b\nContent-Type: application/zip; name=x.zip\nContent-Transfer-Encoding: base64\n\n" + cut + "\n--b--\n";
        ReaderHarness.Result r = ReaderHarness.read(new EmlReader(), "t.eml", eml.getBytes(StandardCharsets.US_ASCII));
        assertThat(r.records).hasSize(1);
        byte[] decodable = java.util.Arrays.copyOf(payload, 75);
        String sha256 = java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(decodable));
        assertThat(EmlReaderTest.values(r.records.get(0), "attachment")).contains("sha256:" + sha256);
        assertThat(r.warnings).anySatisfy(w -> assertThat(w).contains("x.zip").containsIgnoringCase("BASE64"));
    }

    @Test
    void boundariesThatNeverCloseOrNestWronglyStillGiveTheMessage() throws Exception {
        String eml = """
                From: a@example.org
                To: b@example.org
                Date: Fri, 21 Nov 2026 10:00:00 +0000
                Content-Type: multipart/mixed; boundary=outer

                --outer
                Content-Type: multipart/alternative; boundary=inner

                --inner
                Content-Type: text/plain

                inner text, call c@example.org
                --outer
                Content-Type: application/pdf; name=a.pdf
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --inner--
                --outer
                Content-Type: text/plain

                last part, never closed
                """;
        ReaderHarness.Result r = ReaderHarness.read(new EmlReader(), "n.eml", eml.getBytes(StandardCharsets.US_ASCII));
        assertThat(r.rejected).isEmpty();
        assertThat(r.records).singleElement().satisfies(rec -> {
            assertThat(EmlReaderTest.values(rec, "recipient")).containsExactly("b@example.org");
            assertThat((String) rec.fields().get("body")).contains("inner text").contains("last part");
            assertThat(EmlReaderTest.values(rec, "text")).contains("c@example.org");
        });
        assertThat(r.warnings).anySatisfy(w -> assertThat(w).contains("ended prematurely"));
    }

    @Test
    void deeplyNestedMultipartsDoNotOverflowTheStack() throws Exception {
        // as deep as the parser reads: the text at the bottom is found
        ReaderHarness.Result ok = ReaderHarness.read(new EmlReader(), "d.eml", nested(MessageParser.MAX_NESTING));
        assertThat(ok.records).singleElement().satisfies(rec -> assertThat(EmlReaderTest.values(rec, "text")).contains("d@example.org"));
        // thousands deep (mime4j reads nesting recursively): rejected with a reason, never a stack overflow
        ReaderHarness.Result deep = ReaderHarness.read(new EmlReader(), "d.eml", nested(5000));
        assertThat(deep.records).isEmpty();
        assertThat(deep.rejected).singleElement().asString().contains("nested more than " + MessageParser.MAX_NESTING + " deep");
    }

    /** A message whose text sits at the bottom of {@code depth} nested multiparts. */
    private static byte[] nested(int depth) {
        StringBuilder b = new StringBuilder("From: a@example.org\nContent-Type: multipart/mixed; boundary=b0\n\n");
        for (int i = 1; i < depth; i++) {
            b.append("--b").append(i - 1).append("\nContent-Type: multipart/mixed; boundary=b").append(i).append("\n\n");
        }
        b.append("--b").append(depth - 1).append("\nContent-Type: text/plain\n\ndeep d@example.org\n");
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aFloodOfHeaderFieldsIsRejectedWithAReason() throws Exception {
        StringBuilder b = new StringBuilder("From: a@example.org\n");
        for (int i = 0; i < 30_000; i++) {
            b.append("X-H").append(i).append(": v\n");
        }
        b.append("\nbody\n");
        ReaderHarness.Result r = ReaderHarness.read(new EmlReader(), "h.eml", b.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(r.records).isEmpty();
        assertThat(r.rejected).singleElement().asString().startsWith("1: not a readable MIME message");
    }

    @Test
    void binaryGarbageBetweenSeparatorsIsRejectedOrRead() throws Exception {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261121);
        byte[] junk = new byte[200_000];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) random.nextInt(256);
        }
        byte[] head = "From a@example.org Fri Nov 21 10:00:00 2026\n".getBytes(StandardCharsets.US_ASCII);
        byte[] file = new byte[head.length + junk.length];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(junk, 0, file, head.length, junk.length);
        ReaderHarness.Result r = ReaderHarness.read(new MboxReader(), "g.mbox", file);
        assertThat(r.records.size() + r.rejected.size()).isPositive();
        assertThat(r.rejected).allSatisfy(x -> assertThat(x).doesNotEndWith(": null"));
    }
}
