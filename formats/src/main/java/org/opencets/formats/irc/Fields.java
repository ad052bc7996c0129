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

    @SuppressWarnings("unchecked")
    public Map<String, Object> map() {
        Map.Entry<String, Object>[] entries = new Map.Entry[size];
        for (int i = 0; i < size; i++) {
            entries[i] = Map.entry((String) pairs[2 * i], pairs[2 * i + 1]);
        }
        return Map.ofEntries(entries);
    }
}
