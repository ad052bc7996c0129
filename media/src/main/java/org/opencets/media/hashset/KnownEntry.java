package org.opencets.media.hashset;

import java.util.Map;
import org.opencets.media.pdq.PdqHash;

/**
 * One entry of a known-hash list. Hashes are lower-case hex; any of them may be null, but not all.
 *
 * @param id          the list's own identifier of the entry (VICS MediaID, a file name, a CSV id),
 *                    or null when it has none
 * @param md5         32 hex digits, or null
 * @param sha1        40 hex digits, or null
 * @param sha256      64 hex digits, or null
 * @param pdq         PDQ hash, or null
 * @param pdqQuality  the PDQ hash's quality when the list gives it, else -1
 * @param category    the entry's category
 * @param attributes  other facts the list gives (VICS Series, VictimIdentified, OffenderIdentified,
 *                    PhotoDNA as an opaque string, NSRL file name, ...), by the list's own field names
 * @param line        where the entry is in its file: line number for text formats, entry number for
 *                    JSON and SQLite
 */
public record KnownEntry(String id, String md5, String sha1, String sha256, PdqHash pdq, int pdqQuality,
                         Category category, Map<String, String> attributes, long line) {
    public KnownEntry {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        category = category == null ? Category.UNCATEGORISED : category;
        if (md5 == null && sha1 == null && sha256 == null && pdq == null) {
            throw new IllegalArgumentException("a known entry needs at least one hash");
        }
    }
}
