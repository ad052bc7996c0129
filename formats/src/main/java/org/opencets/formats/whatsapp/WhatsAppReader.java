package org.opencets.formats.whatsapp;

import java.io.IOException;
import java.util.Locale;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;

/**
 * WhatsApp's "Export chat" text files, as Android and iOS write them, in any of the common locale
 * date orders, 12- or 24-hour clocks, UTF-8 or UTF-16. A message becomes a message record; a line
 * WhatsApp wrote itself (the encryption notice, members added or leaving, a subject or number
 * changed) an event record. A sender written as a phone number becomes a phone identifier and the
 * account {@code whatsapp:+E164}; a sender written as a contact name is kept as the field
 * {@code sender_name} only, because a display name chosen on one phone identifies nobody.
 *
 * <p>Options: {@code date-order} (dmy, mdy or ymd, else settled over the file: {@link DateOrder}),
 * {@code region} (for numbers written without a country code; default the case's region),
 * {@code chat} (the chat's name; default from a file name "WhatsApp Chat with NAME.txt").
 */
public final class WhatsAppReader implements RecordReader {
    @Override
    public String format() {
        return "whatsapp";
    }

    @Override
    public String description() {
        return "WhatsApp chat export (.txt, Android or iOS layout, any date order, UTF-8 or UTF-16)";
    }

    /**
     * Scores by content: the first non-blank line of the file must be a WhatsApp line head, and at
     * least half of the first heads-or-not lines that could start a message do.
     */
    @Override
    public int sniff(String fileName, byte[] head) {
        String text = TextEncoding.decodeHead(head);
        String[] lines = text.split("\r?\n", -1);
        int usable = head.length >= 64 * 1024 && lines.length > 1 ? lines.length - 1 : lines.length;
        ChatHeader h = new ChatHeader();
        int heads = 0;
        boolean firstIsHead = false;
        boolean first = true;
        for (int i = 0; i < usable && i < 200; i++) {
            String l = WhatsAppFile.stripMarks(lines[i]);
            if (l.isBlank()) {
                continue;
            }
            boolean isHead = h.parse(l) && h.problem == null;
            if (first) {
                firstIsHead = isHead;
                first = false;
            }
            if (isHead) {
                heads++;
            }
        }
        if (!firstIsHead) {
            return 0;
        }
        int score = heads >= 2 ? 90 : 75;
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.contains("whatsapp") || name.endsWith("_chat.txt")) {
            score += 5;
        }
        return score;
    }

    @Override
    public java.util.Set<String> options() {
        return java.util.Set.of("region", "chat", "date-order");
    }

    @Override
    public void read(ReadSource source, RecordSink sink) throws IOException {
        new WhatsAppFile(source, sink).read();
    }
}
