package org.opencets.formats.media;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencets.core.identifier.IdentifierContext;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.identifier.Identifiers;
import org.opencets.core.record.Mention;
import org.opencets.core.record.ParsedRecord;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;
import org.opencets.formats.read.Redaction;

/**
 * The media manifest: what {@code cets media hash} writes (one row per file: path, MD5, SHA-1,
 * SHA-256, PDQ and its quality, size in pixels, camera make, model and serial, time taken), with
 * optional known-list match columns ({@code known_list}, {@code known_id}, {@code match_kind},
 * {@code distance}, {@code category}) as {@code cets import --format media FOLDER} adds them. Each
 * row becomes one media record.
 *
 * <p>The three digests become file-hash identifiers; the PDQ hash becomes a PDQ identifier only
 * when its quality is at least {@value #MIN_QUALITY} (flat or tiny images hash unreliably and must
 * never match); a camera serial becomes a device identifier. No pixel content is read here.
 */
public final class MediaManifestReader implements RecordReader {
    /** PDQ hashes below this quality never match (the rule, as in {@code cets media match}). */
    public static final int MIN_QUALITY = 50;
    static final List<String> REQUIRED = List.of("path", "md5", "sha1", "sha256", "pdq", "quality");

    @Override
    public String format() {
        return "media-manifest";
    }

    @Override
    public String description() {
        return "media manifest CSV as 'cets media hash' writes it (import a folder of images with --format media)";
    }

    @Override
    public int sniff(String fileName, byte[] head) {
        String s = new String(head, 0, Math.min(head.length, 200), StandardCharsets.UTF_8);
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        return s.startsWith("path,md5,sha1,sha256,pdq,quality") ? 95 : 0;
    }

    @Override
    public void read(ReadSource source, RecordSink sink) throws IOException {
        IdentifierContext ctx = source.identifiers();
        long lastLine = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ignoreDifferentFieldCount(true).skipEmptyLines(true)
                .ofCsvRecord(source.reader())) {
            Iterator<CsvRecord> it = csv.iterator();
            if (!it.hasNext()) {
                throw new BadInputException(source.name(), 0, "no header row: the file has no lines");
            }
            CsvRecord header = it.next();
            lastLine = header.getStartingLineNumber();
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < header.getFieldCount(); i++) {
                col.put(header.getField(i).strip().toLowerCase(Locale.ROOT), i);
            }
            for (String r : REQUIRED) {
                if (!col.containsKey(r)) {
                    throw new BadInputException(source.name(), lastLine, "no '" + r + "' column: a media manifest starts "
                            + "with the header path,md5,sha1,sha256,pdq,quality,… as 'cets media hash' writes it");
                }
            }
            int columns = header.getFieldCount();
            while (it.hasNext()) {
                CsvRecord row = it.next();
                long line = row.getStartingLineNumber();
                lastLine = line;
                if (row.getFieldCount() != columns) {
                    sink.reject(line, "has " + row.getFieldCount() + " fields, the header has " + columns);
                    continue;
                }
                try {
                    sink.accept(record(row, col, line, ctx));
                } catch (IllegalArgumentException e) { // includes InvalidIdentifierException
                    sink.reject(line, Redaction.digits(e.getMessage()));
                }
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new BadInputException(source.name(), lastLine + 1, "bytes are not valid UTF-8");
            }
            throw e;
        } catch (CsvParseException e) {
            throw new BadInputException(source.name(), lastLine + 1, "not valid CSV: " + e.getMessage());
        }
    }

    private static ParsedRecord record(CsvRecord row, Map<String, Integer> col, long line, IdentifierContext ctx) {
        Map<String, Object> fields = new LinkedHashMap<>();
        List<Mention> mentions = new ArrayList<>();
        String path = get(row, col, "path");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("no path");
        }
        fields.put("path", path);
        for (String algorithm : new String[] {"md5", "sha1", "sha256"}) {
            String hex = get(row, col, algorithm);
            if (!hex.isEmpty()) {
                mentions.add(Mention.ofField(Identifiers.normalise(IdentifierType.FILE_HASH, algorithm + ":" + hex, ctx),
                        "media_file", hex, algorithm));
            }
        }
        if (mentions.isEmpty()) {
            throw new IllegalArgumentException("no digest: a manifest row needs at least one of md5, sha1, sha256");
        }
        String pdq = get(row, col, "pdq");
        String quality = get(row, col, "quality");
        if (!pdq.isEmpty()) {
            int q;
            try {
                q = Integer.parseInt(quality);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("quality '" + quality + "' is not a whole number from 0 to 100");
            }
            if (q < 0 || q > 100) {
                throw new IllegalArgumentException("quality " + q + " is not from 0 to 100");
            }
            var hash = Identifiers.normalise(IdentifierType.PDQ, pdq, ctx); // checked even when it will not match
            fields.put("pdq", hash.value());
            fields.put("quality", q);
            if (q >= MIN_QUALITY) {
                mentions.add(Mention.ofField(hash, "media_pdq", pdq, "pdq"));
            }
        }
        for (String f : new String[] {"width", "height", "camera_make", "camera_model", "taken_at", "known_list", "known_id",
                "match_kind", "distance", "category"}) {
            String v = get(row, col, f);
            if (!v.isEmpty()) {
                fields.put(f, v);
            }
        }
        String serial = get(row, col, "camera_serial");
        if (!serial.isEmpty()) {
            mentions.add(Mention.ofField(Identifiers.device(nullIfEmpty(get(row, col, "camera_make")),
                    nullIfEmpty(get(row, col, "camera_model")), serial), "camera", serial, "camera_serial"));
        }
        String taken = get(row, col, "taken_at");
        return new ParsedRecord(RecordKind.MEDIA, line, -1, taken.isEmpty() ? null : taken, fields, mentions);
    }

    private static String get(CsvRecord row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null ? "" : row.getField(i).strip();
    }

    private static String nullIfEmpty(String s) {
        return s.isEmpty() ? null : s;
    }
}
