package org.opencets.formats.discord;

import java.io.IOException;
import org.opencets.formats.jsonstream.HeadText;
import org.opencets.formats.jsonstream.JsonExport;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;

/**
 * A Discord channel exported as JSON by DiscordChatExporter: {@code guild}, {@code channel},
 * {@code dateRange} and {@code messages}. What becomes what is in {@link DiscordWalk} and
 * docs/FORMATS.md.
 */
public final class DiscordExportReader implements RecordReader {
    @Override
    public String format() {
        return "discord";
    }

    @Override
    public String description() {
        return "Discord channel exported as JSON by DiscordChatExporter (guild, channel, messages)";
    }

    /** DiscordChatExporter's top-level members {@code "guild"}, {@code "channel"} and {@code "messages"}. */
    @Override
    public int sniff(String fileName, byte[] head) {
        HeadText h = HeadText.of(head);
        if (!h.startsWith('{') || !h.hasMember("guild") || !h.hasMember("channel")) {
            return 0;
        }
        if (h.hasMember("messages")) {
            return 95;
        }
        return h.hasMember("dateRange") || h.hasMember("exportedAt") ? 70 : 40;
    }

    @Override
    public void read(ReadSource source, RecordSink sink) throws IOException {
        JsonExport.walk(source, export -> new DiscordWalk(export, source, sink).root());
    }
}
