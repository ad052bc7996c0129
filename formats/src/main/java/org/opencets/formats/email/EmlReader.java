package org.opencets.formats.email;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;

/**
 * A single RFC 5322 message (a {@code .eml} file) as one MESSAGE record at line 1, offset 0. A file
 * that starts with an mbox separator line ({@code From sender date}) is not claimed by
 * {@link #sniff} (it may hold more messages: {@code mbox} reads it); if it is read as eml all the
 * same, that line is skipped and kept in field {@code envelope}. The message is read up to the same size limit as an mbox message (option
 * {@code max-message-mib}, default {@value MboxReader#DEFAULT_MAX_MESSAGE_MIB} MiB).
 */
public final class EmlReader implements RecordReader {
    @Override
    public String format() {
        return "eml";
    }

    @Override
    public String description() {
        return "one e-mail message (.eml, RFC 5322 / MIME): one message record with addresses, IPs and attachment hashes";
    }

    @Override
    public int sniff(String fileName, byte[] head) {
        return MailSniffing.eml(fileName, head);
    }

    @Override
    public void read(ReadSource source, RecordSink sink) throws IOException {
        int maxBytes = MboxReader.maxMessageBytes(source);
        WarningLog warnings = new WarningLog(sink);
        MessageParser parser = new MessageParser(source.identifiers(), source.charset(), warnings);
        try (InputStream raw = source.open(); BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
            String envelope = null;
            long offset = 0;
            in.mark(1100);
            byte[] first = in.readNBytes(1024);
            int eol = 0;
            while (eol < first.length && first[eol] != '\n') {
                eol++;
            }
            String firstLine = new String(first, 0, eol, StandardCharsets.ISO_8859_1);
            in.reset();
            if (firstLine.startsWith("From ") && eol < first.length) {
                envelope = firstLine.substring(5).strip();
                offset = eol + 1;
                in.skipNBytes(offset);
            }
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                sink.reject(1, "the message is over the limit of " + (maxBytes >> 20) + " MiB (option max-message-mib); not read");
                return;
            }
            if (bytes.length == 0) {
                sink.reject(1, "the file holds no message");
                return;
            }
            try {
                sink.accept(parser.parse(new ByteArrayInputStream(bytes), 1, 0, "the message", envelope));
            } catch (MessageParser.BadMessage e) {
                sink.reject(1, e.getMessage());
            }
        }
        warnings.finish();
    }
}
