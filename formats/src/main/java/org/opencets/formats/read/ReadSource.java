package org.opencets.formats.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opencets.core.identifier.IdentifierContext;

/**
 * What a reader reads from, and with what settings.
 *
 * @param name         the file's name as the user gave it, used in every message
 * @param opener       opens the file's bytes from the start (the store hands readers the stored copy)
 * @param charset      the encoding the user named, or null to detect it (a BOM, else strict UTF-8)
 * @param identifiers  how identifiers are normalised (default phone region, card key)
 * @param options      reader options, e.g. {@code mapping} (a header-mapping file) or {@code platform}
 * @param maxLineBytes a line longer than this is rejected as corrupt rather than read into memory
 */
public record ReadSource(String name, Opener opener, Charset charset, IdentifierContext identifiers,
                         Map<String, String> options, int maxLineBytes) {
    /** 16 MiB: far above any real record line, far below what would exhaust memory. */
    public static final int DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

    public ReadSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(identifiers, "identifiers");
        options = Map.copyOf(options);
    }

    /** Opens a file's bytes. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** A plain file on disk. */
    public static ReadSource of(Path path, IdentifierContext identifiers) {
        return new ReadSource(path.toString(), () -> Files.newInputStream(path), null, identifiers, Map.of(),
                DEFAULT_MAX_LINE_BYTES);
    }

    public ReadSource withOptions(Map<String, String> newOptions) {
        return new ReadSource(name, opener, charset, identifiers, newOptions, maxLineBytes);
    }

    public InputStream open() throws IOException {
        return opener.open();
    }

    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    /**
     * Opens the file as characters, decoding strictly (a BOM is honoured and skipped; bad bytes raise
     * {@link java.nio.charset.MalformedInputException}).
     */
    public java.io.Reader reader() throws IOException {
        java.io.BufferedInputStream in = new java.io.BufferedInputStream(open(), 1 << 16);
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        Charset cs = charset;
        int skip = 0;
        if (bom.length >= 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF) {
            cs = java.nio.charset.StandardCharsets.UTF_8;
            skip = 3;
        } else if (bom.length >= 2 && (bom[0] & 0xFF) == 0xFF && (bom[1] & 0xFF) == 0xFE) {
            cs = java.nio.charset.StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bom.length >= 2 && (bom[0] & 0xFF) == 0xFE && (bom[1] & 0xFF) == 0xFF) {
            cs = java.nio.charset.StandardCharsets.UTF_16BE;
            skip = 2;
        }
        in.reset();
        in.skipNBytes(skip);
        if (cs == null) {
            cs = java.nio.charset.StandardCharsets.UTF_8;
        }
        return new java.io.InputStreamReader(in, cs.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT));
    }

    /** Opens the file as lines with byte offsets, decoding strictly. */
    public LineInput lines() throws IOException {
        return new LineInput(open(), charset, name, maxLineBytes);
    }
}
