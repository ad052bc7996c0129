package org.opencets.media.hashset;

import java.util.Locale;

/** The list formats OpenCETS reads. */
public enum KnownListFormat {
    /** Project VIC VICS JSON (OData 1.3 or 2.0). */
    VICS_JSON,
    /** NSRL RDS 2: {@code NSRLFile.txt}, quoted CSV with a header. */
    NSRL_RDS2,
    /** NSRL RDS 3: an SQLite database. */
    NSRL_RDS3,
    /** One hash a line: md5sum, sha1sum, sha256sum output, or {@code pdq <hex>}. */
    HASH_LINES,
    /** CSV with a header naming md5, sha1, sha256, pdq, category, id columns. */
    CSV;

    /** Parses {@code vics}, {@code nsrl2}, {@code nsrl3}, {@code lines}, {@code csv} (or the enum names). */
    public static KnownListFormat parse(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "vics", "vics_json", "projectvic", "json" -> VICS_JSON;
            case "nsrl2", "nsrl_rds2", "rds2" -> NSRL_RDS2;
            case "nsrl3", "nsrl_rds3", "rds3", "sqlite" -> NSRL_RDS3;
            case "lines", "hash_lines", "md5sum", "sha1sum", "sha256sum", "pdq" -> HASH_LINES;
            case "csv" -> CSV;
            default -> throw new IllegalArgumentException("unknown list format '" + s
                    + "'; expected vics, nsrl2, nsrl3, lines or csv");
        };
    }
}
