package org.opencets.formats.irc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;

/**
 * IRC logs as clients write them: irssi, mIRC, eggdrop, ZNC, the Ubuntu channel logs, XChat, HexChat
 * and WeeChat. Messages, actions and notices become message records sent by the account
 * {@code irc:nick}; joins, parts, quits, kicks and nick changes become event records (a nick change
 * names both accounts, roles {@code old_nick} and {@code new_nick}). The layout is detected per file
 * from its lines ({@link Stamp}); the date from day-change and log-opened lines, the file name or the
 * {@code date} option. Options: {@code date} (YYYY-MM-DD of the first line), {@code channel},
 * {@code network}.
 */
public final class IrcLogReader implements RecordReader {
    @Override
    public String format() {
        return "irc";
    }

    @Override
    public String description() {
        return "IRC logs (irssi, mIRC, eggdrop, ZNC, XChat/HexChat, WeeChat): messages, actions, joins, parts, "
                + "quits and nick changes";
    }

    /**
     * Scores by content: the share of the first non-blank lines (up to 40) that are IRC log lines
     * (a stamp and a recognisable body, or a log header), with at least one message or header line.
     */
    @Override
    public int sniff(String fileName, byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        int usable = head.length >= 64 * 1024 && lines.length > 1 ? lines.length - 1 : lines.length;
        IrcLine parser = new IrcLine();
        LogHeader header = new LogHeader();
        int seen = 0;
        int irc = 0;
        int strong = 0;
        Stamp first = null;
        for (int i = 0; i < usable && seen < 40; i++) {
            String l = lines[i];
            if (l.isBlank()) {
                continue;
            }
            seen++;
            if (header.parse(l) && header.problem == null) {
                irc++;
                strong++;
            } else if (parser.parseStamp(l) && parser.problem == null && (first == null || first == parser.stamp)) {
                first = parser.stamp;
                irc++;
                if (IrcFile.looksLikeMessage(l, parser)) {
                    strong++;
                }
            }
        }
        if (seen == 0 || strong == 0 || irc * 10 < seen * 7) {
            return 0;
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        int score = seen >= 3 ? 85 : 70;
        if (name.endsWith(".log") || name.endsWith(".weechatlog") || name.contains("#")) {
            score += 5;
        }
        return score;
    }

    @Override
    public java.util.Set<String> options() {
        return java.util.Set.of("network", "channel", "date");
    }

    @Override
    public void read(ReadSource source, RecordSink sink) throws IOException {
        new IrcFile(source, sink).read();
    }
}
