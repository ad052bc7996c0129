package org.opencets.core.record;

import java.util.Locale;

/** The kinds of fact a reader takes from evidence. */
public enum RecordKind {
    TRANSACTION, MESSAGE, ARREST, TIP, NOTE, MEDIA, EVENT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecordKind fromCode(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        for (RecordKind k : values()) {
            if (k.name().equals(c)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown record kind '" + code + "'; expected one of "
                + java.util.Arrays.stream(values()).map(RecordKind::code).toList());
    }
}
