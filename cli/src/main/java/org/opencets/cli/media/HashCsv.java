package org.opencets.cli.media;

import java.util.List;

/**
 * The columns of {@code cets media hash} output, in order. One row per file read; {@code pdq} is 64
 * lower-case hex digits as the PDQ reference tools print them; empty cells where a value is unknown.
 */
final class HashCsv {
    private HashCsv() {
    }

    static final List<String> HEADER = org.opencets.media.scan.Manifest.HEADER;

    static final List<String> MATCH_HEADER = List.of("path", "known_id", "list", "kind", "distance", "category");
}
