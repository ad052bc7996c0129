package org.opencets.media.hashset;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * NSRL RDS 2 {@code NSRLFile.txt}: quoted CSV whose header is
 * {@code "SHA-1","MD5","CRC32","FileName","FileSize","ProductCode","OpSystemCode","SpecialCode"}
 * (columns found by name). Every entry is {@link Category#KNOWN_GOOD}; the file name is kept as an
 * attribute, and the id is left empty so that tens of millions of rows stay compact in an index.
 */
final class NsrlRds2Reader {
    private NsrlRds2Reader() {
    }

    static long read(Path file, Consumer<? super KnownEntry> sink) throws IOException {
        long n = 0;
        // ISO-8859-1 never fails on the odd bytes NSRL file names contain
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
             CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(in)) {
            int sha1 = -1;
            int md5 = -1;
            int name = -1;
            boolean header = true;
            for (CsvRecord rec : csv) {
                long line = rec.getStartingLineNumber();
                if (header) {
                    for (int i = 0; i < rec.getFieldCount(); i++) {
                        switch (rec.getField(i).strip().toLowerCase(Locale.ROOT)) {
                            case "sha-1" -> sha1 = i;
                            case "md5" -> md5 = i;
                            case "filename" -> name = i;
                            default -> {
                            }
                        }
                    }
                    if (sha1 < 0 || md5 < 0) {
                        throw new KnownListException(file, line, "not an NSRL RDS 2 file: the header lacks \"SHA-1\" and \"MD5\"");
                    }
                    header = false;
                    continue;
                }
                if (rec.getFieldCount() <= Math.max(sha1, md5)) {
                    if (rec.getFieldCount() == 1 && rec.getField(0).isBlank()) {
                        continue;
                    }
                    throw new KnownListException(file, line, "expected at least " + (Math.max(sha1, md5) + 1)
                            + " fields, found " + rec.getFieldCount());
                }
                try {
                    String fileName = name >= 0 && name < rec.getFieldCount() ? rec.getField(name) : null;
                    sink.accept(new KnownEntry(null, Hex.digest(rec.getField(md5), 32, "MD5"),
                            Hex.digest(rec.getField(sha1), 40, "SHA-1"), null, null, -1, Category.KNOWN_GOOD,
                            fileName == null || fileName.isEmpty() ? Map.of() : Map.of("FileName", fileName), line));
                    n++;
                } catch (IllegalArgumentException e) {
                    throw new KnownListException(file, line, e.getMessage());
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw new KnownListException(file, 0, "cannot read: " + e.getCause().getMessage(), e);
        }
        return n;
    }
}
