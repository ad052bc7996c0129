package org.opencets.media.hashset;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.opencets.media.pdq.PdqHash;

/**
 * One hash a line. Grammar (blank lines and lines starting with {@code #} are ignored):
 * <pre>
 * line     = digest [ sep name ] | "pdq" ws pdqhex [ ws quality ] [ ws name ]
 *          | ALGO " (" name ") = " digest          ; BSD style, ALGO one of MD5 SHA1 SHA256
 * digest   = 32 | 40 | 64 hex digits               ; MD5, SHA-1, SHA-256 by length
 * sep      = "  " | " *" | ws                      ; md5sum text and binary modes
 * </pre>
 * The name, when present, becomes the entry's id.
 */
final class HashLinesReader {
    private HashLinesReader() {
    }

    static long read(Path file, Consumer<? super KnownEntry> sink) throws IOException {
        long n = 0;
        long lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                KnownEntry e;
                try {
                    e = parse(t, lineNo);
                } catch (IllegalArgumentException ex) {
                    throw new KnownListException(file, lineNo, ex.getMessage());
                }
                sink.accept(e);
                n++;
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new KnownListException(file, lineNo + 1, "not UTF-8 text");
        }
        return n;
    }

    static KnownEntry parse(String t, long lineNo) {
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("pdq ") || lower.startsWith("pdq\t") || lower.startsWith("pdq,") || lower.startsWith("pdq:")) {
            String[] parts = t.substring(4).strip().split("[\\s,]+", 3);
            if (!PdqHash.isHex(parts[0])) {
                throw new IllegalArgumentException("'" + Hex.shorten(parts[0]) + "' after 'pdq' is not 64 hex digits");
            }
            int quality = -1;
            String name = null;
            if (parts.length > 1 && parts[1].matches("\\d{1,3}")) {
                quality = Integer.parseInt(parts[1]);
                name = parts.length > 2 ? parts[2].strip() : null;
            } else if (parts.length > 1) {
                name = t.substring(4).strip().substring(64).strip();
            }
            return new KnownEntry(name, null, null, null, PdqHash.fromHex(parts[0]), quality, Category.UNCATEGORISED,
                    null, lineNo);
        }
        int open = t.indexOf(" (");
        int close = t.lastIndexOf(") = ");
        if (open > 0 && close > open) { // BSD style
            String algo = t.substring(0, open).replace("-", "").toUpperCase(Locale.ROOT);
            String digest = t.substring(close + 4).strip();
            String name = t.substring(open + 2, close);
            return switch (algo) {
                case "MD5" -> entry(Hex.digest(digest, 32, "MD5"), null, null, name, lineNo);
                case "SHA1" -> entry(null, Hex.digest(digest, 40, "SHA-1"), null, name, lineNo);
                case "SHA256" -> entry(null, null, Hex.digest(digest, 64, "SHA-256"), name, lineNo);
                default -> throw new IllegalArgumentException("unknown hash algorithm '" + Hex.shorten(algo) + "'");
            };
        }
        int end = 0;
        while (end < t.length() && !Character.isWhitespace(t.charAt(end)) && t.charAt(end) != ',') {
            end++;
        }
        String digest = t.substring(0, end);
        String rest = t.substring(end).strip();
        if (rest.startsWith(",")) {
            rest = rest.substring(1).strip();
        }
        if (rest.startsWith("*")) {
            rest = rest.substring(1);
        }
        String name = rest.isEmpty() ? null : rest;
        return switch (digest.length()) {
            case 32 -> entry(Hex.digest(digest, 32, "MD5"), null, null, name, lineNo);
            case 40 -> entry(null, Hex.digest(digest, 40, "SHA-1"), null, name, lineNo);
            case 64 -> entry(null, null, Hex.digest(digest, 64, "SHA-256"), name, lineNo);
            default -> throw new IllegalArgumentException("'" + Hex.shorten(digest)
                    + "' is not an MD5, SHA-1 or SHA-256 digest (32, 40 or 64 hex digits) nor 'pdq <64 hex digits>'");
        };
    }

    private static KnownEntry entry(String md5, String sha1, String sha256, String name, long lineNo) {
        return new KnownEntry(name, md5, sha1, sha256, null, -1, Category.UNCATEGORISED, null, lineNo);
    }
}
