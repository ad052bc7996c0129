package org.opencets.formats.read;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A file read line by line with each line's 1-based number and byte offset, decoded strictly: bytes
 * that are not valid in the encoding are an error naming the line and offset, never silently
 * replaced.
 *
 * <p>Encoding: the one given, else a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE), else
 * UTF-8. UTF-16 input is decoded as a character stream; its lines have no byte offset (-1).
 *
 * <p>A line longer than the limit is an error rather than a reason to fill memory: the rest of that
 * line is skipped and reading may go on at the next line.
 */
public final class LineInput implements Closeable {
    private final InputStream in;
    private final String fileName;
    private final int maxLineBytes;
    private final CharsetDecoder decoder;
    private final java.io.BufferedReader charReader; // only for UTF-16
    private byte[] buf = new byte[8192];
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkLen;
    private int len;
    private long nextOffset;
    private long lineNumber;
    private long lineOffset;
    private boolean eof;
    private String line;
    private String problem;

    public LineInput(InputStream raw, Charset charset, String fileName, int maxLineBytes) throws IOException {
        this.fileName = fileName;
        this.maxLineBytes = maxLineBytes;
        BufferedInputStream bin = new BufferedInputStream(raw, 1 << 16);
        Charset cs = charset;
        bin.mark(4);
        byte[] bom = bin.readNBytes(3);
        int skip = 0;
        if (bom.length >= 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF
                && (cs == null || cs.equals(StandardCharsets.UTF_8))) {
            cs = StandardCharsets.UTF_8;
            skip = 3;
        } else if (bom.length >= 2 && (bom[0] & 0xFF) == 0xFF && (bom[1] & 0xFF) == 0xFE && cs == null) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bom.length >= 2 && (bom[0] & 0xFF) == 0xFE && (bom[1] & 0xFF) == 0xFF && cs == null) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        bin.reset();
        bin.skipNBytes(skip);
        this.nextOffset = skip;
        if (cs == null) {
            cs = StandardCharsets.UTF_8;
        }
        this.decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        if (cs.equals(StandardCharsets.UTF_16LE) || cs.equals(StandardCharsets.UTF_16BE)
                || cs.equals(StandardCharsets.UTF_16)) {
            this.charReader = new java.io.BufferedReader(new InputStreamReader(bin, decoder), 1 << 16);
            this.in = null;
        } else {
            this.charReader = null;
            this.in = bin;
        }
    }

    /** The encoding in use. */
    public Charset charset() {
        return decoder.charset();
    }

    /**
     * Advances to the next line. Returns false at the end of the file. After it returns true, either
     * {@link #line()} holds the text or {@link #problem()} says why the line could not be decoded.
     */
    public boolean next() throws IOException {
        line = null;
        problem = null;
        if (eof) {
            return false;
        }
        if (charReader != null) {
            return nextChars();
        }
        lineOffset = nextOffset;
        len = 0;
        boolean tooLong = false;
        boolean newline = false;
        while (!newline) {
            if (chunkPos == chunkLen) {
                chunkLen = in.read(chunk, 0, chunk.length);
                chunkPos = 0;
                if (chunkLen <= 0) {
                    chunkLen = 0;
                    eof = true;
                    break;
                }
            }
            int start = chunkPos;
            int stop = chunkLen;
            int i = start;
            while (i < stop && chunk[i] != '\n') {
                i++;
            }
            int n = i - start;
            if (i < stop) {
                newline = true;
                chunkPos = i + 1;
                nextOffset += n + 1;
            } else {
                chunkPos = stop;
                nextOffset += n;
            }
            if (!tooLong) {
                if (len + n > maxLineBytes) {
                    tooLong = true;
                } else {
                    if (len + n > buf.length) {
                        buf = Arrays.copyOf(buf, Math.max(len + n, Math.min(maxLineBytes, buf.length * 2)));
                    }
                    System.arraycopy(chunk, start, buf, len, n);
                    len += n;
                }
            }
        }
        if (!newline && nextOffset == lineOffset) {
            return false;
        }
        lineNumber++;
        if (tooLong) {
            problem = "line is longer than " + (maxLineBytes / (1024 * 1024)) + " MiB; the file is not a line-based "
                    + "record file, or it is corrupt";
            return true;
        }
        int end = len;
        if (end > 0 && buf[end - 1] == '\r') {
            end--;
        }
        try {
            CharBuffer cb = decoder.reset().decode(ByteBuffer.wrap(buf, 0, end));
            line = cb.toString();
        } catch (MalformedInputException e) {
            problem = badBytes(e);
        } catch (CharacterCodingException e) {
            problem = "cannot decode the line as " + decoder.charset().name();
        }
        return true;
    }

    private String badBytes(MalformedInputException e) {
        int at = findBad();
        long offset = lineOffset + at;
        return "bytes at offset " + offset + " are not valid " + decoder.charset().name()
                + (decoder.charset().equals(StandardCharsets.UTF_8)
                        ? " (if the file is Windows-1252 or Latin-1, name it with --encoding windows-1252)" : "");
    }

    private int findBad() {
        CharsetDecoder d = decoder.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer bb = ByteBuffer.wrap(buf, 0, len);
        CharBuffer out = CharBuffer.allocate(len + 1);
        d.decode(bb, out, true);
        return bb.position();
    }

    private boolean nextChars() throws IOException {
        lineOffset = -1;
        String l;
        try {
            l = charReader.readLine();
        } catch (MalformedInputException e) {
            eof = true;
            lineNumber++;
            problem = "characters after this line are not valid " + decoder.charset().name();
            return true;
        }
        if (l == null) {
            eof = true;
            return false;
        }
        lineNumber++;
        if (l.length() > maxLineBytes / 2) {
            problem = "line is longer than " + (maxLineBytes / (1024 * 1024)) + " MiB";
            return true;
        }
        line = l;
        return true;
    }

    /** The current line's text, or null if it could not be decoded (see {@link #problem()}). */
    public String line() {
        return line;
    }

    /** Why the current line could not be read, or null. */
    public String problem() {
        return problem;
    }

    public long lineNumber() {
        return lineNumber;
    }

    /** Byte offset of the current line's first byte, or -1 for character-decoded (UTF-16) input. */
    public long byteOffset() {
        return lineOffset;
    }

    public String fileName() {
        return fileName;
    }

    @Override
    public void close() throws IOException {
        if (charReader != null) {
            charReader.close();
        } else {
            in.close();
        }
    }
}
