package org.opencets.formats.email;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Cuts an mbox file into its messages, on bytes, one line at a time: message bodies may be 8-bit or
 * binary, so nothing is decoded here except the separator lines themselves.
 *
 * <h2>Design note: the mbox family (RFC 4155, and the mboxo / mboxrd conventions)</h2>
 * <pre>
 *   mbox      = *message
 *   message   = separator CRLF-or-LF rfc5322-message-with-quoted-from-lines [ empty-line ]
 *   separator = "From " sender 1*WSP date             ; e.g. "From alice@example.org Sat Jan  3 01:05:34 1996"
 * </pre>
 * A line is a separator when it starts with {@code "From "} and either is the first line of the file
 * or carries an envelope date: a time {@code hh:mm} and a four-digit year (asctime, as every mbox
 * writer emits; Gmail exports put a zone between them). The date test, rather than "preceded by an
 * empty line", keeps an unquoted {@code From } line of prose inside a badly written body from
 * splitting its message, and still accepts writers that omit the empty line between messages.
 *
 * <p>Body lines that would look like separators are quoted by the writer: mboxo writes
 * {@code >From } for {@code From }; mboxrd also adds one {@code >} to any {@code >+From } line so the
 * quoting can be undone. Reading undoes the mboxrd quoting: one {@code >} is removed from every line
 * matching {@code >+From }. For an mboxo file that is right except for a body line that really began
 * with {@code >From }, which the format cannot tell apart (a loss in the writer, not here).
 *
 * <p>The empty line that ends a message before the next separator belongs to the mbox, not to the
 * message, and is removed. Lines keep their own endings (LF or CRLF), so offsets are exact bytes.
 *
 * <p>Memory: one message is held at a time, up to {@code maxMessageBytes}. Beyond it the message is
 * marked {@link #oversized()}, its bytes are no longer kept, and reading goes on to the next
 * separator; a line of any length (a 100 MB line with no newline) costs nothing more than that.
 */
final class MboxSplitter implements Closeable {
    /** A separator line longer than this is not believed to be one. */
    private static final int MAX_SEPARATOR = 1024;
    private static final Pattern TIME = Pattern.compile("(?<!\\d)\\d{1,2}:\\d{2}(?!\\d)");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d:])\\d{4}(?![\\d:])");

    private final InputStream in;
    private final int maxMessageBytes;
    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int lim;

    /** Lines consumed so far, and the offset of the next unread byte. */
    private long lineNumber;
    private long nextOffset;

    /** The current line: its start, length and first bytes. */
    private long lineOffset;
    private long lineLength;
    private final byte[] head = new byte[MAX_SEPARATOR + 1];
    private int headLength;

    /** The current message. */
    private byte[] buf = new byte[1 << 16];
    private int length;
    private long size;
    private boolean oversized;
    private long startLine;
    private long startOffset;
    private String envelope;

    /** A separator already read, opening the next message. */
    private boolean pending;
    private long pendingLine;
    private long pendingOffset;
    private String pendingEnvelope;

    private boolean started;
    private boolean done;

    MboxSplitter(InputStream in, int maxMessageBytes) {
        this.in = in;
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Advances to the next message. Text before the first separator, if any, comes first as a message
     * without an {@link #envelope()}.
     */
    boolean next() throws IOException {
        if (done) {
            return false;
        }
        length = 0;
        size = 0;
        oversized = false;
        if (pending) {
            startLine = pendingLine;
            startOffset = pendingOffset;
            envelope = pendingEnvelope;
            pending = false;
        } else if (!started) {
            startLine = 1;
            startOffset = 0;
            envelope = null;
        } else {
            done = true;
            return false;
        }
        started = true;
        boolean any = envelope != null;
        while (true) {
            boolean wasOversized = oversized;
            int lineStart = length;
            if (!readLine()) {
                done = true;
                break;
            }
            if (startsWith(head, headLength, 0, "From ") && (lineNumber == 1 || looksLikeEnvelope())) {
                if (!wasOversized) {
                    oversized = false;
                    length = lineStart;
                }
                size -= lineLength;
                String env = envelopeText();
                if (lineNumber == 1) {
                    startLine = 1;
                    startOffset = lineOffset;
                    envelope = env;
                    any = true;
                    continue;
                }
                pending = true;
                pendingLine = lineNumber;
                pendingOffset = lineOffset;
                pendingEnvelope = env;
                break;
            }
            any = true;
            if (!oversized && isQuotedFrom()) {
                System.arraycopy(buf, lineStart + 1, buf, lineStart, length - lineStart - 1);
                length--;
            }
        }
        if (!any) {
            return false;
        }
        if (!oversized) {
            trimFinalEmptyLine();
        }
        return true;
    }

    /** 1-based line of the separator (or of the first line, for text before any separator). */
    long line() {
        return startLine;
    }

    /** Byte offset of that line. */
    long offset() {
        return startOffset;
    }

    /** The separator line without {@code "From "}, decoded as ISO-8859-1; null for text before the first separator. */
    String envelope() {
        return envelope;
    }

    /** True when the message was larger than the limit; its bytes were not kept. */
    boolean oversized() {
        return oversized;
    }

    /** The message's size in bytes as it is in the file (without its separator line). */
    long size() {
        return size;
    }

    /** The message bytes, quoting undone; valid up to {@link #length()} until the next call to {@link #next()}. */
    byte[] bytes() {
        return buf;
    }

    int length() {
        return length;
    }

    /** True when the message holds nothing but line breaks and white space. */
    boolean blank() {
        for (int i = 0; i < length; i++) {
            byte b = buf[i];
            if (b != '\n' && b != '\r' && b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private boolean readLine() throws IOException {
        headLength = 0;
        lineLength = 0;
        lineOffset = nextOffset;
        while (true) {
            if (pos == lim) {
                lim = in.read(chunk, 0, chunk.length);
                pos = 0;
                if (lim <= 0) {
                    lim = 0;
                    break;
                }
            }
            int i = pos;
            while (i < lim && chunk[i] != '\n') {
                i++;
            }
            boolean newline = i < lim;
            int end = newline ? i + 1 : i;
            take(pos, end - pos);
            pos = end;
            if (newline) {
                break;
            }
        }
        if (lineLength == 0) {
            return false;
        }
        lineNumber++;
        nextOffset += lineLength;
        return true;
    }

    private void take(int from, int n) {
        int h = Math.min(n, head.length - headLength);
        System.arraycopy(chunk, from, head, headLength, h);
        headLength += h;
        lineLength += n;
        size += n;
        if (oversized) {
            return;
        }
        if ((long) length + n > maxMessageBytes) {
            oversized = true;
            return;
        }
        if (length + n > buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(maxMessageBytes, Math.max((long) length + n, 2L * buf.length)));
        }
        System.arraycopy(chunk, from, buf, length, n);
        length += n;
    }

    private boolean looksLikeEnvelope() {
        if (lineLength > MAX_SEPARATOR) {
            return false;
        }
        String text = new String(head, 0, headLength, StandardCharsets.ISO_8859_1);
        return TIME.matcher(text).find() && YEAR.matcher(text).find();
    }

    private String envelopeText() {
        int n = Math.min(headLength, MAX_SEPARATOR);
        while (n > 5 && (head[n - 1] == '\n' || head[n - 1] == '\r')) {
            n--;
        }
        return new String(head, 5, n - 5, StandardCharsets.ISO_8859_1).strip();
    }

    /** {@code >+From } at the start of the line (mboxrd quoting). */
    private boolean isQuotedFrom() {
        int i = 0;
        while (i < headLength && head[i] == '>') {
            i++;
        }
        return i > 0 && startsWith(head, headLength, i, "From ");
    }

    private void trimFinalEmptyLine() {
        if (length >= 2 && buf[length - 1] == '\n' && buf[length - 2] == '\n') {
            length -= 1;
        } else if (length >= 4 && buf[length - 1] == '\n' && buf[length - 2] == '\r' && buf[length - 3] == '\n'
                && buf[length - 4] == '\r') {
            length -= 2;
        } else if (length >= 3 && buf[length - 1] == '\n' && buf[length - 2] == '\r' && buf[length - 3] == '\n') {
            length -= 2;
        }
    }

    private static boolean startsWith(byte[] b, int n, int at, String prefix) {
        if (n - at < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
