package org.opencets.formats.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.record.ParsedRecord;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.testing.ReaderHarness;

/** Android and iOS layouts, date orders, clocks, system lines, attachments, senders. */
class WhatsAppReaderTest {
    final WhatsAppReader reader = new WhatsAppReader();

    static byte[] resource(String name) throws IOException {
        try (InputStream in = WhatsAppReaderTest.class.getResourceAsStream("/whatsapp/" + name)) {
            return in.readAllBytes();
        }
    }

    static ReaderHarness.Result read(String name, String text, Map<String, String> options) throws IOException {
        return ReaderHarness.read(new WhatsAppReader(), name, text.getBytes(StandardCharsets.UTF_8), null, options);
    }

    static List<String> ids(ParsedRecord r) {
        return r.mentions().stream().map(m -> m.role() + "=" + m.identifier().type().code() + ":" + m.identifier().value()).toList();
    }

    @Test
    void androidExportWithSystemLinesMultiLineMessagesAndAttachments() throws IOException {
        byte[] bytes = resource("WhatsApp Chat with Weekend.txt");
        ReaderHarness.Result r = ReaderHarness.read(reader, "WhatsApp Chat with Weekend.txt", bytes);
        assertThat(r.rejected).isEmpty();
        assertThat(r.warnings).isEmpty();
        List<ParsedRecord> recs = r.records;
        assertThat(recs).extracting(ParsedRecord::kind).containsExactly(RecordKind.EVENT, RecordKind.EVENT,
                RecordKind.EVENT, RecordKind.MESSAGE, RecordKind.MESSAGE, RecordKind.MESSAGE, RecordKind.EVENT,
                RecordKind.EVENT, RecordKind.EVENT);
        assertThat(recs).extracting(x -> x.fields().get("event")).containsExactly("encryption_notice", "created_group",
                "added", null, null, null, "number_changed", "subject_changed", "left");
        assertThat(recs).extracting(ParsedRecord::line).containsExactly(1L, 2L, 3L, 4L, 8L, 9L, 10L, 11L, 12L);
        assertThat(recs).allSatisfy(x -> assertThat(x.fields()).containsEntry("chat", "Weekend").containsEntry("platform", "whatsapp"));
        assertThat(recs.get(1).fields()).containsEntry("actor", "Alice").containsEntry("subject", "Weekend: plans");
        assertThat(ids(recs.get(2))).containsExactly("participant=account:whatsapp:+447400123456", "participant=phone:+447400123456");
        ParsedRecord multi = recs.get(3);
        assertThat(multi.occurredAt()).isEqualTo("2024-03-13T21:05:00");
        assertThat(multi.fields()).containsEntry("sender_name", "Alice")
                .containsEntry("text", "hi all\nmail me at Alice.W@example.org\n\nor ring 020 7946 0018");
        assertThat(multi.fields()).doesNotContainKey("sender_phone");
        assertThat(ids(multi)).containsExactly("text=email:alice.w@example.org", "text=phone:+442079460018");
        assertThat(multi.offset()).isEqualTo(new String(bytes, StandardCharsets.UTF_8).indexOf("13/03/2024, 21:05"));
        ParsedRecord photo = recs.get(4);
        assertThat(photo.fields()).containsEntry("sender_phone", "+44 7400 123456")
                .containsEntry("attachment", "IMG-20240313-WA0001.jpg").doesNotContainKey("sender_name");
        assertThat(ids(photo)).containsExactly("sender=account:whatsapp:+447400123456", "sender=phone:+447400123456");
        assertThat(recs.get(5).fields()).containsEntry("attachment", "<Media omitted>");
        assertThat(ids(recs.get(6))).containsExactly("old_number=account:whatsapp:+447400123456",
                "old_number=phone:+447400123456", "new_number=account:whatsapp:+447400654321", "new_number=phone:+447400654321");
        assertThat(recs.get(7).fields()).containsEntry("subject", "Trip").containsEntry("actor", "Alice");
        assertThat(recs.get(8).fields()).containsEntry("actor", "Bob");
        assertThat(recs.get(8).mentions()).isEmpty();
    }

    @Test
    void iosExportWithMarksTwelveHourClockAndNarrowSpaces() throws IOException {
        ReaderHarness.Result r = ReaderHarness.read(reader, "_chat.txt", resource("_chat.txt"));
        assertThat(r.rejected).isEmpty();
        List<ParsedRecord> recs = r.records;
        assertThat(recs).hasSize(7);
        assertThat(recs.get(0).fields()).containsEntry("event", "encryption_notice").containsEntry("chat_name", "Weekend");
        assertThat(recs.get(0).occurredAt()).isEqualTo("2024-03-04T21:00:00");
        assertThat(recs.get(1).fields()).containsEntry("sender_name", "Alice").containsEntry("text", "see you at 9");
        ParsedRecord number = recs.get(2);
        assertThat(number.fields()).containsEntry("sender_phone", "+1 415 555 2671");
        assertThat(number.fields().get("text").toString()).doesNotContain("4111 1111 1111 1111");
        assertThat(ids(number)).contains("sender=account:whatsapp:+14155552671", "sender=phone:+14155552671");
        assertThat(number.mentions()).anySatisfy(m -> assertThat(m.identifier().type()).isEqualTo(IdentifierType.CARD));
        assertThat(recs.get(3).fields()).containsEntry("attachment", "00000012-PHOTO-2024-03-04-21-07-30.jpg")
                .containsEntry("sender_name", "Alice");
        assertThat(recs.get(3).kind()).isEqualTo(RecordKind.MESSAGE);
        assertThat(recs.get(4).fields()).containsEntry("event", "added").containsEntry("actor", "Alice")
                .containsEntry("participants", List.of("Bob"));
        assertThat(recs.get(5).occurredAt()).isEqualTo("2024-03-14T00:00:00");
        assertThat(recs.get(6).occurredAt()).isEqualTo("2024-03-14T12:30:00");
        assertThat(recs.get(6).fields()).containsEntry("attachment", "image omitted").containsEntry("text", "image omitted");
    }

    @Test
    void dateOrdersAndSeparators() throws IOException {
        assertThat(read("a.txt", "2024-03-04 21:05 - A: x\n", Map.of()).records.get(0).occurredAt()).isEqualTo("2024-03-04T21:05:00");
        assertThat(read("a.txt", "04.03.24, 21:05 - A: x\n13.03.24, 09:00 - A: y\n", Map.of()).records)
                .extracting(ParsedRecord::occurredAt).containsExactly("2024-03-04T21:05:00", "2024-03-13T09:00:00");
        assertThat(read("a.txt", "[04-03-2024 21:05:33] A: x\n", Map.of("date-order", "mdy")).records.get(0).occurredAt())
                .isEqualTo("2024-04-03T21:05:33");
        assertThat(read("a.txt", "[2024/03/04, 9:05:33 a.m.] A: x\n", Map.of()).records.get(0).occurredAt())
                .isEqualTo("2024-03-04T09:05:33");
        assertThat(read("a.txt", "3/4/24, 9:05\u00A0pm - A: x\n", Map.of("date-order", "mdy")).records.get(0).occurredAt())
                .isEqualTo("2024-03-04T21:05:00");
    }

    @Test
    void anAmbiguousOrderIsSettledByTimeOrderElseAssumedFromTheRegionWithAWarning() throws IOException {
        // read as d/m: 5 Mar, 6 Mar, 1 Apr (forward); as m/d: 3 May, 3 Jun, 4 Jan (back): so d/m
        ReaderHarness.Result byOrder = read("a.txt", "05/03/2024, 10:00 - A: x\n06/03/2024, 10:00 - A: y\n01/04/2024, 10:00 - A: z\n", Map.of());
        assertThat(byOrder.warnings).isEmpty();
        assertThat(byOrder.records.get(2).occurredAt()).isEqualTo("2024-04-01T10:00:00");
        ReaderHarness.Result mdy = read("a.txt", "03/05/2024, 10:00 - A: x\n03/06/2024, 10:00 - A: y\n04/01/2024, 10:00 - A: z\n", Map.of());
        assertThat(mdy.records.get(2).occurredAt()).isEqualTo("2024-04-01T10:00:00");
        ReaderHarness.Result assumed = read("a.txt", "04/03/2024, 10:00 - A: x\n", Map.of());
        assertThat(assumed.records.get(0).occurredAt()).isEqualTo("2024-03-04T10:00:00");
        assertThat(assumed.warnings).singleElement().asString().contains("cannot tell day from month")
                .contains("day/month/year").contains("region GB").contains("--date-order mdy");
        ReaderHarness.Result mixed = read("a.txt", "13/03/2024, 10:00 - A: x\n03/13/2024, 10:00 - A: y\n", Map.of());
        assertThat(mixed.rejected).containsExactly("2: impossible date 03/13/2024 (read as day/month/year)");
        assertThatThrownBy(() -> read("a.txt", "13/03/2024, 10:00 - A: x\n", Map.of("date-order", "dym")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("dmy, mdy, ymd");
    }

    @Test
    void impossibleDatesAndTimesAreRejectedWithLineAndReasonAndTheirContinuationLinesGoWithThem() throws IOException {
        ReaderHarness.Result r = read("a.txt", "13/02/2024, 10:00 - A: ok\n31/02/2024, 10:00 - A: no such day\nsecond line\n"
                + "13/02/2024, 25:00 - A: no such hour\n13/02/2024, 0:30 PM - A: no such 12-hour time\n14/02/2024, 10:00 - A: fine\n", Map.of());
        assertThat(r.records).extracting(ParsedRecord::line).containsExactly(1L, 6L);
        assertThat(r.rejected).containsExactly("2: impossible date 31/02/2024 (read as day/month/year)",
                "4: impossible time 25:00", "5: impossible time 0:30 PM");
    }

    @Test
    void aFileThatDoesNotStartWithAMessageLineIsRejectedByLine() throws IOException {
        ReaderHarness.Result r = read("a.txt", "hello\n13/02/2024, 10:00 - A: ok\n", Map.of());
        assertThat(r.rejected).singleElement().asString().startsWith("1: not a WhatsApp export line");
        assertThat(r.records).hasSize(1);
    }

    @Test
    void theRegionOptionReadsNationalNumbers() throws IOException {
        ReaderHarness.Result r = read("a.txt", "13/02/2024, 10:00 - 07400 123456: hi\n", Map.of());
        assertThat(ids(r.records.get(0))).containsExactly("sender=account:whatsapp:+447400123456", "sender=phone:+447400123456");
        ReaderHarness.Result us = read("a.txt", "13/02/2024, 10:00 - (415) 555-2671: hi\n", Map.of("region", "us"));
        assertThat(ids(us.records.get(0))).containsExactly("sender=account:whatsapp:+14155552671", "sender=phone:+14155552671");
    }

    @Test
    void aNumberLibphonenumberRejectsIsKeptAsAnAccountWithAWarning() throws IOException {
        ReaderHarness.Result r = read("a.txt", "13/02/2024, 10:00 - +44 1: hi\n13/02/2024, 10:01 - +999 123 4567: hi\n", Map.of());
        assertThat(r.records.get(0).fields()).containsEntry("sender_name", "+44 1");
        assertThat(ids(r.records.get(1))).containsExactly("sender=account:whatsapp:+9991234567");
        assertThat(r.warnings).singleElement().asString().startsWith("1 sender or member number(s)").contains("line 2");
    }

    @Test
    void utf16WithAndWithoutByteOrderMark() throws IOException {
        String text = "13/02/2024, 10:00 - Zoë: write to zoe@example.org\n13/02/2024, 10:01 - Ana: ok\n";
        for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] body = text.getBytes(cs);
            byte[] bom = cs == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF};
            byte[] withBom = new byte[body.length + 2];
            System.arraycopy(bom, 0, withBom, 0, 2);
            System.arraycopy(body, 0, withBom, 2, body.length);
            for (byte[] bytes : List.of(body, withBom)) {
                ReaderHarness.Result r = ReaderHarness.read(reader, "a.txt", bytes);
                assertThat(r.rejected).as(cs.name()).isEmpty();
                assertThat(r.records).as(cs.name()).hasSize(2);
                assertThat(r.records.get(0).fields()).containsEntry("sender_name", "Zoë");
                assertThat(ids(r.records.get(0))).containsExactly("text=email:zoe@example.org");
                assertThat(reader.sniff("a.txt", bytes)).as(cs.name()).isGreaterThanOrEqualTo(75);
            }
        }
        assertThat(TextEncoding.detect(text.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void utf16RecordsCarryByteOffsetsAndBadCodeUnitsAreReportedWithTheirs() throws IOException {
        String text = "13/02/2024, 10:00 - A: one\r\n13/02/2024, 10:01 - B: two\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        ReaderHarness.Result r = ReaderHarness.read(reader, "a.txt", withBom);
        assertThat(r.records).extracting(ParsedRecord::offset).containsExactly(2L, 2L + 2L * text.indexOf("13/02/2024, 10:01"));
        assertThat(r.records.get(0).fields()).containsEntry("text", "one");

        // a high surrogate followed by 'y' (Java's encoder would replace it, so the bytes are put in by hand)
        byte[] head = "13/02/2024, 10:00 - A: x\n13/02/2024, 10:01 - B: ".getBytes(StandardCharsets.UTF_16BE);
        byte[] tail = "y\ncontinued\n13/02/2024, 10:02 - C: z".getBytes(StandardCharsets.UTF_16BE);
        byte[] be = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, be, 0, head.length);
        be[head.length] = (byte) 0xD8;
        System.arraycopy(tail, 0, be, head.length + 2, tail.length);
        ReaderHarness.Result bad = ReaderHarness.read(reader, "a.txt", be);
        assertThat(bad.records).extracting(ParsedRecord::line).containsExactly(1L, 4L);
        assertThat(bad.records.get(0).fields()).containsEntry("text", "x");
        int at = head.length;
        assertThat(bad.rejected).containsExactly("2: bytes at offset " + at + " are not valid UTF-16BE");

        byte[] odd = java.util.Arrays.copyOf(body, body.length + 1);
        ReaderHarness.Result cut = ReaderHarness.read(reader, "a.txt", odd);
        assertThat(cut.records).hasSize(2);
        assertThat(cut.rejected).containsExactly("3: bytes at offset " + body.length + " are not valid UTF-16LE");
    }

    @Test
    void utf8ByteOrderMarkWindows1252AndInvalidBytes() throws IOException {
        byte[] body = "13/02/2024, 10:00 - Zoë: café\n".getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bom, 3, body.length);
        ReaderHarness.Result r = ReaderHarness.read(reader, "a.txt", bom);
        assertThat(r.records).singleElement().satisfies(x -> assertThat(x.fields()).containsEntry("text", "café"));
        assertThat(reader.sniff("a.txt", bom)).isGreaterThan(0);
        byte[] latin = "13/02/2024, 10:00 - Zoë: café\n".getBytes(Charset.forName("windows-1252"));
        ReaderHarness.Result bad = ReaderHarness.read(reader, "a.txt", latin);
        assertThat(bad.records).isEmpty();
        assertThat(bad.rejected).singleElement().asString().startsWith("1: bytes at offset 22 are not valid UTF-8")
                .contains("--encoding windows-1252");
        ReaderHarness.Result named = ReaderHarness.read(reader, "a.txt", latin, Charset.forName("windows-1252"), Map.of());
        assertThat(named.records).singleElement().satisfies(x -> assertThat(x.fields()).containsEntry("sender_name", "Zoë"));
    }

    @Test
    void anAttachmentsFileNameIsNotSearchedButItsCaptionIs() throws IOException {
        ReaderHarness.Result r = read("a.txt", "13/02/2024, 10:00 - A: IMG-20240213-WA0001.jpg (file attached)\n"
                + "from +44 7400 123456\n", Map.of());
        assertThat(r.records.get(0).fields()).containsEntry("attachment", "IMG-20240213-WA0001.jpg");
        assertThat(ids(r.records.get(0))).containsExactly("text=phone:+447400123456");
        String text = (String) r.records.get(0).fields().get("text");
        assertThat(text.substring(r.records.get(0).mentions().get(0).start(), r.records.get(0).mentions().get(0).end()))
                .isEqualTo("+44 7400 123456");
    }

    @Test
    void attachmentsNamedInTheText() {
        assertThat(WhatsAppFile.attachment("<attached: 00000012-PHOTO-2024-03-04.jpg>")).isEqualTo("00000012-PHOTO-2024-03-04.jpg");
        assertThat(WhatsAppFile.attachment("IMG-20240304-WA0001.jpg (file attached)\ncaption")).isEqualTo("IMG-20240304-WA0001.jpg");
        assertThat(WhatsAppFile.attachment("<Media omitted>")).isEqualTo("<Media omitted>");
        assertThat(WhatsAppFile.attachment("just text")).isNull();
    }
}
