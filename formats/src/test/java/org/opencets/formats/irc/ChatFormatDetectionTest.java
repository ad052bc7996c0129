package org.opencets.formats.irc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencets.formats.read.Formats;
import org.opencets.formats.read.RecordReader;

/** --format auto tells IRC logs, WhatsApp exports, JSON Lines and CSV apart by content, not by name. */
class ChatFormatDetectionTest {
    final Formats formats = Formats.installed();

    static byte[] resource(String path) throws IOException {
        try (InputStream in = ChatFormatDetectionTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    String detect(String name, byte[] head) {
        Optional<RecordReader> r = formats.detect(name, head);
        return r.map(RecordReader::format).orElse("none");
    }

    @Test
    void everyIrcSampleIsIrcWhateverItsName() throws IOException {
        for (String f : List.of("irssi-#example.log", "mirc.log", "ubuntu-2024-03-04.txt", "eggdrop.log", "hexchat.log",
                "irc.libera.#example.weechatlog")) {
            byte[] b = resource("/irc/" + f);
            assertThat(detect(f, b)).as(f).isEqualTo("irc");
            assertThat(detect("export.txt", b)).as(f + " as export.txt").isEqualTo("irc");
            assertThat(formats.byName("whatsapp").sniff(f, b)).as(f).isZero();
        }
    }

    @Test
    void everyWhatsAppSampleIsWhatsAppWhateverItsName() throws IOException {
        for (String f : List.of("/whatsapp/WhatsApp Chat with Weekend.txt", "/whatsapp/_chat.txt")) {
            byte[] b = resource(f);
            assertThat(detect("x.log", b)).as(f).isEqualTo("whatsapp");
            assertThat(formats.byName("irc").sniff("x.log", b)).as(f).isZero();
        }
    }

    @Test
    void jsonLinesAndCsvAreNotChat() {
        byte[] jsonl = "{\"kind\":\"message\",\"platform\":\"irc\",\"from\":\"a\",\"text\":\"10:00 <a> hi\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] csv = "date,card_number,email\n2024-01-01,4556737586899855,a@b.org\n".getBytes(StandardCharsets.UTF_8);
        assertThat(detect("chat.log", jsonl)).isEqualTo("jsonl");
        assertThat(detect("WhatsApp Chat with A.txt", csv)).isEqualTo("transactions-csv");
        for (byte[] b : List.of(jsonl, csv)) {
            assertThat(formats.byName("irc").sniff("chat.log", b)).isZero();
            assertThat(formats.byName("whatsapp").sniff("WhatsApp Chat with A.txt", b)).isZero();
        }
    }

    @Test
    void plainProseIsNeither() {
        byte[] prose = "Meeting notes\n\nWe met at 10:00 and talked.\n".getBytes(StandardCharsets.UTF_8);
        assertThat(formats.byName("irc").sniff("notes.txt", prose)).isZero();
        assertThat(formats.byName("whatsapp").sniff("notes.txt", prose)).isZero();
    }
}
