package org.opencets.media.match;

import java.util.Objects;
import org.opencets.media.hashset.Category;

/**
 * A scanned file matched a known entry — with its provenance.
 *
 * @param knownId  the entry's id in its list (VICS MediaID, file name, CSV id), or, when the list
 *                 gives none, the matched hash itself
 * @param list     the list's name (as loaded)
 * @param line     where the entry is in the list file (line or entry number)
 * @param kind     md5, sha1, sha256 (exact) or pdq (perceptual)
 * @param distance 0 for exact matches; the Hamming distance for PDQ
 * @param category the entry's category
 */
public record Match(String knownId, String list, long line, MatchKind kind, int distance, Category category) {
    public Match {
        Objects.requireNonNull(knownId, "knownId");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(category, "category");
    }
}
