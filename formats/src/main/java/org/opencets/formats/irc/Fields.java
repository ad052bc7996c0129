package org.opencets.formats.irc;

import java.util.Map;

/**
 * A record's fields, built straight into an immutable map (no intermediate hash map to copy): null
 * values are left out. Shared by the IRC and WhatsApp readers.
 */
public final class Fields {
    private final Object[] pairs;
    private int size;

    public Fields(int capacity) {
        pairs = new Object[capacity * 2];
    }

    /** Adds the field unless the value is null; a later value for the same name is not allowed. */
    public Fields put(String name, Object value) {
        if (value != null) {
            pairs[2 * size] = name;
            pairs[2 * size + 1] = value;
            size++;
        }
        return this;
    }

    /** The fields as an immutable map ({@code Map.of}, which {@code ParsedRecord} keeps without copying). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map() {
        Object[] p = pairs;
        switch (size) {
            case 0:
                return Map.of();
            case 1:
                return Map.of(k(0), p[1]);
            case 2:
                return Map.of(k(0), p[1], k(1), p[3]);
            case 3:
                return Map.of(k(0), p[1], k(1), p[3], k(2), p[5]);
            case 4:
                return Map.of(k(0), p[1], k(1), p[3], k(2), p[5], k(3), p[7]);
            case 5:
                return Map.of(k(0), p[1], k(1), p[3], k(2), p[5], k(3), p[7], k(4), p[9]);
            case 6:
                return Map.of(k(0), p[1], k(1), p[3], k(2), p[5], k(3), p[7], k(4), p[9], k(5), p[11]);
            default:
                break;
        }
        Map.Entry<String, Object>[] entries = new Map.Entry[size];
        for (int i = 0; i < size; i++) {
            entries[i] = Map.entry((String) pairs[2 * i], pairs[2 * i + 1]);
        }
        return Map.ofEntries(entries);
    }

    private String k(int i) {
        return (String) pairs[2 * i];
    }
}
