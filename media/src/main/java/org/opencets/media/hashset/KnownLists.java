package org.opencets.media.hashset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/** Reads known-hash lists of every supported format, detecting the format from the content. */
public final class KnownLists {
    private KnownLists() {
    }

    /**
     * The format of a list file, from its first bytes: SQLite's header, a JSON bracket, NSRL RDS 2's
     * quoted header, a CSV header naming hash columns, else hash lines.
     */
    public static KnownListFormat detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        } catch (NoSuchFileException e) {
            throw new KnownListException(file, 0, "no such file");
        } catch (IOException e) {
            throw new KnownListException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.startsWith("SQLite format 3\0")) {
            return KnownListFormat.NSRL_RDS3;
        }
        String body = text.startsWith("\u00ef\u00bb\u00bf") ? text.substring(3) : text;
        String trimmed = body.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return KnownListFormat.VICS_JSON;
        }
        int nl = trimmed.indexOf('\n');
        String first = (nl < 0 ? trimmed : trimmed.substring(0, nl)).strip().toLowerCase(Locale.ROOT);
        if (first.contains("\"sha-1\"") && first.contains("\"md5\"") && first.contains("\"crc32\"")) {
            return KnownListFormat.NSRL_RDS2;
        }
        if (first.contains(",") && CsvListReader.headerNamesAHashColumn(first)) {
            return KnownListFormat.CSV;
        }
        return KnownListFormat.HASH_LINES;
    }

    /** Detects the format and streams every entry to {@code sink}; returns the number of entries. */
    public static long read(Path file, Consumer<? super KnownEntry> sink) throws IOException {
        return read(file, detect(file), sink);
    }

    /**
     * Streams every entry of a list in the given format to {@code sink}; returns the number of entries.
     *
     * @throws KnownListException naming the file, the line and the reason when the list is malformed
     */
    public static long read(Path file, KnownListFormat format, Consumer<? super KnownEntry> sink) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new KnownListException(file, 0, Files.exists(file) ? "not a regular file" : "no such file");
        }
        return switch (format) {
            case VICS_JSON -> VicsJsonReader.read(file, sink);
            case NSRL_RDS2 -> NsrlRds2Reader.read(file, sink);
            case NSRL_RDS3 -> NsrlRds3Reader.read(file, sink);
            case HASH_LINES -> HashLinesReader.read(file, sink);
            case CSV -> CsvListReader.read(file, sink);
        };
    }
}
