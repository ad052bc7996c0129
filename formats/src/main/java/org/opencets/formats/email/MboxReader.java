package org.opencets.formats.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;

/**
 * A mailbox file of the mbox family (mboxo, mboxrd; RFC 4155): each message after a
 * {@code From sender date} line becomes one MESSAGE record, whose line and offset are those of that
 * separator line. The file is cut into messages on bytes ({@link MboxSplitter}); each message, up to
 * a size limit, is then parsed by {@link MessageParser}.
 *
 * <p>Options: {@code max-message-mib} (default {@value #DEFAULT_MAX_MESSAGE_MIB}): a message larger
 * than this is rejected, not read.
 */
public final class MboxReader implements RecordReader {
    /** Far above the 25-50 MB that mail services accept (base64 adds a third), far below memory. */
    public static final int DEFAULT_MAX_MESSAGE_MIB = 64;

    @Override
    public String format() {
        return "mbox";
    }

    @Override
    public String description() {
        return "mailbox (mbox, mboxrd): one message record per mail, with addresses, originating IPs and attachment hashes";
    }

    @Override
    public int sniff(String fileName, byte[] head) {
        return MailSniffing.mbox(fileName, head);
    }

    @Override
    public java.util.Set<String> options() {
        return java.util.Set.of("max-message-mib");
    }

    @Override
    public void read(ReadSource source, RecordSink sink) throws IOException {
        int maxBytes = maxMessageBytes(source);
        WarningLog warnings = new WarningLog(sink);
        MessageParser parser = new MessageParser(source.identifiers(), source.charset(), warnings);
        try (InputStream in = source.open(); MboxSplitter messages = new MboxSplitter(in, maxBytes)) {
            while (messages.next()) {
                long line = messages.line();
                if (messages.envelope() == null) {
                    if (!messages.blank()) {
                        sink.reject(line, "text before the first 'From ' line: an mbox starts every message with a "
                                + "'From sender date' line (a single message is --format eml)");
                    }
                    continue;
                }
                if (messages.oversized()) {
                    sink.reject(line, "the message is " + messages.size() + " bytes, over the limit of "
                            + (maxBytes >> 20) + " MiB (option max-message-mib); not read");
                    continue;
                }
                if (messages.blank()) {
                    sink.reject(line, "the message after this 'From ' line is empty (a truncated file?)");
                    continue;
                }
                try {
                    sink.accept(parser.parse(new ByteArrayInputStream(messages.bytes(), 0, messages.length()),
                            line, messages.offset(), "message at line " + line, messages.envelope()));
                } catch (MessageParser.BadMessage e) {
                    sink.reject(line, e.getMessage());
                }
            }
        }
        warnings.finish();
    }

    static int maxMessageBytes(ReadSource source) {
        String v = source.option("max-message-mib").orElse(null);
        if (v == null) {
            return DEFAULT_MAX_MESSAGE_MIB << 20;
        }
        try {
            int mib = Integer.parseInt(v.strip());
            if (mib >= 1 && mib <= 1024) {
                return mib << 20;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("option max-message-mib must be a whole number of MiB from 1 to 1024, not '" + v + "'");
    }
}
