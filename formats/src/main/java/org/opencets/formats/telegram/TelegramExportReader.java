package org.opencets.formats.telegram;

import java.io.IOException;
import java.util.Locale;
import org.opencets.formats.jsonstream.HeadText;
import org.opencets.formats.jsonstream.JsonExport;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;

/**
 * Telegram Desktop's JSON export ({@code result.json}): one chat ({@code name}, {@code type},
 * {@code id}, {@code messages}) or a whole account ({@code personal_information}, {@code contacts},
 * {@code chats} and {@code left_chats}, each chat with its messages). What becomes what is in
 * {@link TelegramWalk} and docs/FORMATS.md.
 */
public final class TelegramExportReader implements RecordReader {
    @Override
    public String format() {
        return "telegram";
    }

    @Override
    public String description() {
        return "Telegram Desktop JSON export (result.json): one chat, or a whole account with chats, contacts "
                + "and personal information";
    }

    /**
     * Telegram's keys in the first 64 KiB: {@code "chats"} with {@code "list"}, or
     * {@code "personal_information"} (a whole account, whose contacts may push the chats further on);
     * {@code "messages"} with {@code "date_unixtime"} or {@code "from_id"} (one chat). A file that also
     * has DiscordChatExporter's {@code "guild"} and {@code "channel"} is not Telegram's.
     */
    @Override
    public int sniff(String fileName, byte[] head) {
        HeadText h = HeadText.of(head);
        if (!h.startsWith('{')) {
            return 0;
        }
        if (h.hasMember("guild") && h.hasMember("channel")) {
            return 0;
        }
        boolean telegramKeys = h.hasMember("date_unixtime") || h.hasMember("from_id");
        if (h.hasMember("chats") && h.hasMember("list") || h.hasMember("personal_information")) {
            return 92;
        }
        if (h.hasMember("messages") && telegramKeys) {
            return 92;
        }
        if (h.hasMember("messages") && fileName.toLowerCase(Locale.ROOT).endsWith("result.json")) {
            return 60;
        }
        return 0;
    }

    @Override
    public void read(ReadSource source, RecordSink sink) throws IOException {
        JsonExport.walk(source, export -> new TelegramWalk(export, source, sink).root());
    }
}
