package org.opencets.media.hashset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.opencets.media.pdq.PdqHash;

/**
 * Project VIC VICS JSON, OData 1.3 ({@code "odata.metadata"}, {@code "value": [ media... ]}) and
 * 2.0 ({@code "@odata.context"}, media under {@code "value"}, possibly inside cases). The reader
 * streams: any JSON object with a {@code MediaID} (or with a hash and a {@code Category}) is one
 * media entry, wherever it is nested; its scalar fields are read, nested arrays and objects (such
 * as {@code MediaFiles}) are walked for further media but not merged into it. Field names are
 * matched without regard to case.
 *
 * <p>Kept: {@code MediaID} as the id; {@code Category} (0..4); {@code MD5}, {@code SHA1},
 * {@code SHA256}; a 64-hex {@code PDQ} field if present; every other scalar ({@code PhotoDNA} as an
 * opaque string, {@code Series}, {@code VictimIdentified}, {@code OffenderIdentified},
 * {@code IsDistributed}, ...) as an attribute.
 */
final class VicsJsonReader {
    private VicsJsonReader() {
    }

    static long read(Path file, Consumer<? super KnownEntry> sink) throws IOException {
        JsonFactory factory = JsonFactory.builder().build();
        long[] count = new long[1];
        try (JsonParser p = factory.createParser(Files.newInputStream(file))) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new KnownListException(file, 0, "empty JSON file");
            }
            walk(p, t, file, sink, count);
            if (p.nextToken() != null) {
                throw new KnownListException(file, p.currentLocation().getLineNr(), "unexpected content after the JSON document");
            }
        } catch (JsonParseException e) {
            throw new KnownListException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "malformed JSON: " + e.getOriginalMessage());
        }
        return count[0];
    }

    private static void walk(JsonParser p, JsonToken t, Path file, Consumer<? super KnownEntry> sink, long[] count)
            throws IOException {
        if (t == JsonToken.START_ARRAY) {
            JsonToken e;
            while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                if (e == null) {
                    throw new KnownListException(file, p.currentLocation().getLineNr(), "JSON ends inside an array");
                }
                walk(p, e, file, sink, count);
            }
        } else if (t == JsonToken.START_OBJECT) {
            long line = p.currentLocation().getLineNr();
            Map<String, String> scalars = new LinkedHashMap<>();
            JsonToken f;
            while ((f = p.nextToken()) != JsonToken.END_OBJECT) {
                if (f != JsonToken.FIELD_NAME) {
                    throw new KnownListException(file, p.currentLocation().getLineNr(), "malformed JSON object");
                }
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    walk(p, v, file, sink, count);
                } else if (v != JsonToken.VALUE_NULL) {
                    scalars.put(name, p.getText());
                }
            }
            KnownEntry entry = toEntry(scalars, file, line);
            if (entry != null) {
                sink.accept(entry);
                count[0]++;
            }
        }
    }

    private static KnownEntry toEntry(Map<String, String> fields, Path file, long line) throws KnownListException {
        Map<String, String> lower = new LinkedHashMap<>();
        fields.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        String mediaId = lower.get("mediaid");
        String md5 = lower.get("md5");
        String sha1 = lower.get("sha1");
        String sha256 = lower.get("sha256");
        String pdqText = lower.get("pdq");
        String category = lower.get("category");
        boolean hasHash = notBlank(md5) || notBlank(sha1) || notBlank(sha256) || PdqHash.isHex(pdqText);
        if (!hasHash || (mediaId == null && category == null)) {
            return null; // not a media object (a case, a MediaFiles item without hashes, the envelope)
        }
        try {
            Category cat;
            if (category == null || category.isBlank()) {
                cat = Category.UNCATEGORISED;
            } else if (category.strip().matches("[0-4]")) {
                cat = Category.projectVic(Integer.parseInt(category.strip()));
            } else {
                throw new IllegalArgumentException("Category '" + Hex.shorten(category) + "' is not a Project VIC category 0..4");
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            fields.forEach((k, v) -> {
                String l = k.toLowerCase(Locale.ROOT);
                if (!l.equals("mediaid") && !l.equals("md5") && !l.equals("sha1") && !l.equals("sha256")
                        && !l.equals("pdq") && !l.equals("category") && !l.startsWith("odata.") && !l.startsWith("@odata")) {
                    attrs.put(k, v);
                }
            });
            return new KnownEntry(mediaId, Hex.digest(md5, 32, "MD5"), Hex.digest(sha1, 40, "SHA1"),
                    Hex.digest(sha256, 64, "SHA256"), PdqHash.isHex(pdqText) ? PdqHash.fromHex(pdqText) : null, -1,
                    cat, attrs, line);
        } catch (IllegalArgumentException e) {
            throw new KnownListException(file, line, (mediaId == null ? "" : "MediaID " + mediaId + ": ") + e.getMessage());
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
