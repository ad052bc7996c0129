package org.opencets.formats.jsonstream;

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
import org.opencets.formats.read.ReadSource;

/**
 * Strict decoding that knows where it failed. {@link java.io.InputStreamReader} reports bytes that are
 * not valid in the encoding but not where they are, and drops the characters it decoded in the same
 * call; {@link #reader} hands over every valid character first and then fails with the file offset of
 * the first bad byte, so the parser reading it stops exactly there. The JDK's
 * {@link CharsetDecoder} does the decoding; this is only the loop around it.
 */
public final class StrictDecoding {
    private StrictDecoding() {
    }

    /** Bytes that are not valid in the file's encoding, at a file offset. */
    public static final class UndecodableBytes extends IOException {
        private final long offset;
        private final Charset charset;

        public UndecodableBytes(long offset, Charset charset) {
            super("bytes at offset " + offset + " are not valid " + charset.name());
            this.offset = offset;
            this.charset = charset;
        }

        public long offset() {
            return offset;
        }

        public Charset charset() {
            return charset;
        }
    }

    /**
     * A reader decoding {@code in} strictly.
     *
     * @param startOffset the file offset of the stream's first byte (after a byte-order mark, say)
     */
    public static Reader reader(InputStream in, Charset charset, long startOffset) {
        return new Decoding(in, charset, startOffset);
    }

    /**
     * The 1-based line and column (in characters) of a byte offset, found by decoding the file again
     * up to it; lines end at LF, CR or CR LF. Only for error messages.
     *
     * @param skip bytes at the start that are not text (a byte-order mark)
     */
    public static long[] lineAndColumn(ReadSource source, Charset charset, long skip, long offset) throws IOException {
        long line = 1;
        long column = 1;
        try (InputStream raw = source.open()) {
            raw.skipNBytes(Math.min(skip, offset));
            InputStream limited = new InputStream() {
                long left = offset - Math.min(skip, offset);

                @Override
                public int read() throws IOException {
                    return left-- > 0 ? raw.read() : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = raw.read(b, off, (int) Math.min(len, left));
                    left -= Math.max(n, 0);
                    return n;
                }
            };
            Reader r = new java.io.InputStreamReader(limited, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
            char[] buf = new char[8192];
            int prev = -1;
            int n;
            while ((n = r.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    char c = buf[i];
                    if (c == '\n' && prev == '\r') {
                        // the LF of a CR LF: the line already ended
                    } else if (c == '\n' || c == '\r') {
                        line++;
                        column = 1;
                    } else {
                        column++;
                    }
                    prev = c;
                }
            }
        }
        return new long[] {line, column};
    }

    /** "bytes at offset 33 (line 2, column 20) are not valid UTF-8 (if the file is …)". */
    public static String describe(UndecodableBytes e, long[] lineColumn) {
        boolean utf8 = e.charset().equals(StandardCharsets.UTF_8);
        return "bytes at offset " + e.offset() + " (column " + lineColumn[1] + ") are not valid " + e.charset().name()
                + (utf8 ? " (if the file is Windows-1252 or Latin-1, name it with --encoding windows-1252)"
                        : " (name the file's encoding with --encoding)");
    }

    private static final class Decoding extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder;
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        private long base; // file offset of bytes[0]
        private boolean eof;
        private boolean flushed;
        private UndecodableBytes pending;
        private int carry = -1;

        Decoding(InputStream in, Charset charset, long startOffset) {
            this.in = in;
            this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            this.base = startOffset;
            bytes.flip();
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (carry >= 0) {
                cbuf[off] = (char) carry; // the second char of a pair that did not fit last time
                carry = -1;
                return 1;
            }
            if (pending != null) {
                throw pending;
            }
            if (flushed) {
                return -1;
            }
            if (len == 1) {
                // A character outside the BMP needs two chars; a one-char request must still make
                // progress (a Reader may not return 0), so decode into a pair and keep the second half.
                char[] pair = new char[2];
                int n = read(pair, 0, 2);
                if (n == 2) {
                    carry = pair[1];
                }
                if (n > 0) {
                    cbuf[off] = pair[0];
                    return 1;
                }
                return n;
            }
            CharBuffer out = CharBuffer.wrap(cbuf, off, len);
            while (out.position() == off) {
                CoderResult r = decoder.decode(bytes, out, eof);
                if (r.isError()) {
                    pending = new UndecodableBytes(base + bytes.position(), decoder.charset());
                    if (out.position() > off) {
                        break; // hand over the good characters first
                    }
                    throw pending;
                }
                if (r.isOverflow()) {
                    break;
                }
                if (eof) {
                    if (!flushed) {
                        decoder.flush(out);
                        flushed = true;
                    }
                    return out.position() == off ? -1 : out.position() - off;
                }
                base += bytes.position();
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            return out.position() - off;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
