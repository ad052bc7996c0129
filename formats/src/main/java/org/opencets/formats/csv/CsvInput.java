package org.opencets.formats.csv;

import de.siegmar.fastcsv.util.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.opencets.formats.read.ReadSource;

/**
 * The characters of a CSV file as the parser is given them, with the problems that lie on each
 * physical line kept aside so that the row holding them can be rejected by its own line.
 *
 * <p>Design note. FastCSV reads ahead through a {@link Reader}, so a decoding error raised inside
 * that reader would name whatever line the parser had reached, not the line of the bad byte, and
 * would stop the file. Instead this reader decodes the bytes itself, counting physical lines the way
 * FastCSV counts them (LF, CR and CRLF each end one line), and turns two kinds of damage into
 * {@link Problem}s noted against the line they are on:
 *
 * <ul>
 * <li><b>Bytes not valid in the encoding</b> become one U+FFFD each, and the problem names the line
 * and the byte offset of the first bad byte (a byte-order mark counts in the offset). This cannot shift
 * the rows that follow, because only the bad bytes are passed over and the decoder starts again
 * after them: in UTF-16 one code unit (the JDK reports a high surrogate with the unit after it as one
 * malformed sequence, and that unit may be a line break); in other encodings the bytes up to the first
 * ASCII byte. A malformed sequence that begins with an ASCII byte (possible only in an encoding that is
 * not ASCII-compatible) could hide a line break, so such a file stops with {@link Unreadable}.</li>
 * <li><b>A line longer than the limit</b> ({@link ReadSource#maxLineBytes()}, counted in characters,
 * each of which is at least one byte) is passed on only as its structure: beyond the limit, every run
 * of characters other than quotes, the delimiters {@code , ; TAB |} and line breaks is squeezed to one
 * U+FFFD. The parser then moves through the line in exactly the states the whole line would give it,
 * so the rows after it keep their fields and line numbers, and memory stays bounded. Because FastCSV
 * cannot hold a field of {@link Limits#MAX_FIELD_SIZE} characters, the last part of a line before the
 * limit is held back in a small window and released only when the line ends within the limit.</li>
 * </ul>
 *
 * <p>The caller asks, once the parser has moved past a row, for the first problem on that row's lines
 * ({@link #firstProblemBefore}); every problem on a line is noted before any character of a later line
 * is handed on, so a row's problems are known by the time the parser has begun the next row.
 */
final class CsvInput extends Reader {
    private static final char REPLACEMENT = '\uFFFD';
    /** How far below FastCSV's field limit a line is handed on before the rest waits in the window. */
    private static final int PARSER_ROOM = Limits.MAX_FIELD_SIZE - (1 << 16);
    private static final String STRUCTURE = "\",;\t|";

    /** Something wrong on one physical line: {@code offset} is the first bad byte's, or -1. */
    record Problem(long line, long offset, String reason) {
    }

    /** Damage that cannot be passed over without risking the rows after it. */
    static final class Unreadable extends IOException {
        private final long line;
        private final String reason;

        Unreadable(long line, String reason) {
            super("line " + line + ": " + reason);
            this.line = line;
            this.reason = reason;
        }

        long line() {
            return line;
        }

        String reason() {
            return reason;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final boolean wideUnits;
    private final boolean noting;
    private final long limit;
    private final long passThrough;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private final CharBuffer decoded = CharBuffer.allocate(1 << 16).flip();
    private final ArrayDeque<Problem> problems = new ArrayDeque<>();
    /** File offset of {@code bytes}' first element. */
    private long bytesBase;
    private boolean inputEnded;
    private boolean decodingDone;
    private int pendingBad;

    private char[] out = new char[1 << 17];
    private int outPos;
    private int outLen;
    private char[] window = new char[0];
    private int windowLen;

    private long line = 1;
    private long lineChars;
    private boolean lastCr;
    private boolean overlong;
    private boolean squeezing;
    private boolean ended;

    /**
     * @param noting false for a second pass over the file that only needs its text: problems are
     *               then not kept (damaged characters still arrive as U+FFFD)
     */
    CsvInput(ReadSource source, boolean noting) throws IOException {
        this.noting = noting;
        this.limit = source.maxLineBytes();
        this.passThrough = Math.min(limit, PARSER_ROOM);
        InputStream raw = source.open();
        try {
            byte[] head = raw.readNBytes(3);
            Charset cs = source.charset();
            int skip = 0;
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                cs = StandardCharsets.UTF_8;
                skip = 3;
            } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                cs = StandardCharsets.UTF_16LE;
                skip = 2;
            } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                cs = StandardCharsets.UTF_16BE;
                skip = 2;
            }
            if (cs == null) {
                cs = StandardCharsets.UTF_8;
            }
            this.decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            this.wideUnits = cs.equals(StandardCharsets.UTF_16LE) || cs.equals(StandardCharsets.UTF_16BE)
                    || cs.equals(StandardCharsets.UTF_16);
            bytes.clear();
            bytes.put(head, skip, head.length - skip);
            bytes.flip();
            this.bytesBase = skip;
            this.in = raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Removes the problems on lines before {@code endLine} and returns the first of them, or null. */
    Problem firstProblemBefore(long endLine) {
        Problem first = null;
        while (!problems.isEmpty() && problems.peekFirst().line() < endLine) {
            Problem p = problems.pollFirst();
            if (first == null) {
                first = p;
            }
        }
        return first;
    }

    /** The encoding in use. */
    Charset charset() {
        return decoder.charset();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (outPos == outLen) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, outLen - outPos);
        System.arraycopy(out, outPos, cbuf, off, n);
        outPos += n;
        return n;
    }

    /** Produces the next characters into {@code out}; false at the end of the file. */
    private boolean fill() throws IOException {
        outPos = 0;
        outLen = 0;
        while (outLen == 0) {
            if (decoded.hasRemaining()) {
                takeDecoded();
            } else if (pendingBad > 0) {
                noteBadBytes();
            } else if (decodingDone) {
                if (!ended) {
                    ended = true;
                    endLine();
                }
                return outLen > 0;
            } else {
                decodeMore();
            }
        }
        return true;
    }

    private void decodeMore() throws IOException {
        decoded.clear();
        CoderResult r = decoder.decode(bytes, decoded, inputEnded);
        if (r.isError()) {
            pendingBad = r.length();
        } else if (r.isUnderflow()) {
            if (inputEnded) {
                decoder.flush(decoded);
                decodingDone = true;
            } else {
                bytesBase += bytes.position();
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    inputEnded = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
        }
        decoded.flip();
    }

    /** Every character before the bad bytes has been taken, so {@code line} is theirs. */
    private void noteBadBytes() throws Unreadable {
        long offset = bytesBase + bytes.position();
        String reason = "bytes at offset " + offset + " are not valid " + decoder.charset().name()
                + (decoder.charset().equals(StandardCharsets.UTF_8)
                        ? " (if the file is Windows-1252 or Latin-1, name it with --encoding windows-1252)" : "");
        int skip;
        if (wideUnits) {
            // a high surrogate before a unit that is not a low one is reported as four bytes long:
            // pass over the bad unit alone and decode the next one again, since it may be a line break
            skip = Math.min(pendingBad, 2);
        } else {
            skip = 0;
            while (skip < pendingBad && (bytes.get(bytes.position() + skip) & 0x80) != 0) {
                skip++;
            }
            if (skip == 0) {
                throw new Unreadable(line, reason);
            }
        }
        if (noting && (problems.isEmpty() || problems.peekLast().line() != line)) {
            problems.addLast(new Problem(line, offset, reason));
        }
        bytes.position(bytes.position() + skip);
        pendingBad = 0;
        take(REPLACEMENT);
    }

    /** Takes the decoded characters, copying runs within a line and under the limit in one step. */
    private void takeDecoded() {
        char[] a = decoded.array();
        int p = decoded.position();
        int end = decoded.limit();
        while (p < end) {
            if (!overlong && windowLen == 0 && lineChars < passThrough) {
                long room = passThrough - lineChars;
                int q = p;
                while (q < end && q - p < room && a[q] != '\n' && a[q] != '\r') {
                    q++;
                }
                if (q > p) {
                    int n = q - p;
                    if (outLen + n > out.length) {
                        out = Arrays.copyOf(out, Math.max(out.length * 2, outLen + n));
                    }
                    System.arraycopy(a, p, out, outLen, n);
                    outLen += n;
                    lineChars += n;
                    lastCr = false;
                    p = q;
                    continue;
                }
            }
            take(a[p++]);
        }
        decoded.position(p);
    }

    private void take(char c) {
        if (c == '\n' || c == '\r') {
            boolean secondOfCrLf = c == '\n' && lastCr;
            lastCr = c == '\r';
            if (!secondOfCrLf) {
                endLine();
            }
            put(c);
            return;
        }
        lastCr = false;
        long n = ++lineChars;
        if (n <= passThrough) {
            put(c);
        } else if (n <= limit) {
            if (windowLen == window.length) {
                window = Arrays.copyOf(window, Math.max(1024, windowLen * 2));
            }
            window[windowLen++] = c;
        } else {
            if (!overlong) {
                overlong = true;
                for (int i = 0; i < windowLen; i++) {
                    squeeze(window[i]);
                }
                windowLen = 0;
            }
            squeeze(c);
        }
    }

    private void squeeze(char c) {
        if (STRUCTURE.indexOf(c) >= 0) {
            put(c);
            squeezing = false;
        } else if (!squeezing) {
            put(REPLACEMENT);
            squeezing = true;
        }
    }

    private void endLine() {
        if (overlong) {
            if (noting && (problems.isEmpty() || problems.peekLast().line() != line)) {
                problems.addLast(new Problem(line, -1, "line is longer than " + size(limit)
                        + "; the file is corrupt or not CSV"));
            }
            overlong = false;
            squeezing = false;
        } else {
            for (int i = 0; i < windowLen; i++) {
                put(window[i]);
            }
        }
        windowLen = 0;
        lineChars = 0;
        line++;
    }

    private void put(char c) {
        if (outLen == out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        out[outLen++] = c;
    }

    static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
