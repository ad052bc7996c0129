package org.opencets.formats.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A UTF-16 file read line by line, as {@link org.opencets.formats.read.LineInput} reads UTF-8: each
 * line with its number and byte offset, decoded strictly (an unpaired surrogate is an error naming its
 * byte offset, never replaced), a line longer than the limit skipped without being held.
 *
 * <p>Design note. {@code LineInput} reads UTF-16 through a {@link java.io.Reader}, which knows no byte
 * offsets and builds a whole line before any limit applies. UTF-16 needs no general decoder: every
 * code unit is two bytes (RFC 2781), so the byte offset of a line is twice the number of code units
 * before it plus the byte-order mark, and validity is one rule (a high surrogate D800-DBFF is followed
 * by a low one DC00-DFFF, and a low one follows a high one; Unicode 15, section 3.9, D91). A line ends
 * at U+000A; a U+000D before it is dropped.
 */
final class Utf16Lines implements ExportLines {
    private final InputStream in;
    private final boolean bigEndian;
    private final String encoding;
    private final int maxChars;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int len;
    private boolean eof;
    private char[] chars = new char[256];
    private long offset;
    private long lineOffset;
    private long lineNumber;
    private String line;
    private String problem;

    /**
     * @param start    the byte offset of the first code unit in the file (2 after a byte-order mark)
     * @param maxBytes a line longer than this many bytes is rejected
     */
    Utf16Lines(InputStream in, boolean bigEndian, long start, int maxBytes) {
        this.in = in;
        this.bigEndian = bigEndian;
        this.encoding = bigEndian ? "UTF-16BE" : "UTF-16LE";
        this.offset = start;
        this.maxChars = Math.max(1, maxBytes / 2);
    }

    /** Reads the next line; false at the end of the file. Then {@link #line()} or {@link #problem()} is set. */
    @Override
    public boolean next() throws IOException {
        line = null;
        problem = null;
        lineOffset = offset;
        int n = 0;
        boolean any = false;
        boolean tooLong = false;
        long bad = -1;
        boolean afterHigh = false;
        long highAt = -1;
        while (true) {
            if (len - pos < 2 && !fill()) {
                if (len - pos == 1) {
                    if (bad < 0) {
                        bad = offset;
                    }
                    pos = len;
                    offset++;
                    any = true;
                }
                break;
            }
            char c = bigEndian ? (char) ((buf[pos] & 0xFF) << 8 | buf[pos + 1] & 0xFF)
                    : (char) ((buf[pos + 1] & 0xFF) << 8 | buf[pos] & 0xFF);
            pos += 2;
            long at = offset;
            offset += 2;
            any = true;
            if (afterHigh && !Character.isLowSurrogate(c) && bad < 0) {
                bad = highAt;
            }
            if (Character.isLowSurrogate(c) && !afterHigh && bad < 0) {
                bad = at;
            }
            afterHigh = Character.isHighSurrogate(c);
            highAt = at;
            if (c == '\n') {
                break;
            }
            if (!tooLong) {
                if (n == maxChars) {
                    tooLong = true;
                } else {
                    if (n == chars.length) {
                        chars = Arrays.copyOf(chars, Math.min(maxChars, chars.length * 2));
                    }
                    chars[n++] = c;
                }
            }
        }
        if (afterHigh && bad < 0) {
            bad = highAt;
        }
        if (!any) {
            return false;
        }
        lineNumber++;
        if (tooLong) {
            problem = "line is longer than " + maxChars * 2 / (1024 * 1024) + " MiB; the file is not a chat export, "
                    + "or it is corrupt";
        } else if (bad >= 0) {
            problem = "bytes at offset " + bad + " are not valid " + encoding;
        } else {
            if (n > 0 && chars[n - 1] == '\r') {
                n--;
            }
            line = new String(chars, 0, n);
        }
        if (chars.length > 1 << 16 && n < 1 << 12) {
            chars = new char[256]; // a long line does not keep its buffer for the short ones after it
        }
        return true;
    }

    /** Makes at least two bytes available if the file has them; false if fewer remain. */
    private boolean fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, len - pos);
            len -= pos;
            pos = 0;
        }
        while (!eof && len < 2) {
            int r = in.read(buf, len, buf.length - len);
            if (r < 0) {
                eof = true;
            } else {
                len += r;
            }
        }
        return len >= 2;
    }

    @Override
    public String line() {
        return line;
    }

    @Override
    public String problem() {
        return problem;
    }

    @Override
    public long lineNumber() {
        return lineNumber;
    }

    @Override
    public long byteOffset() {
        return lineOffset;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
