package org.opencets.core.resolve;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All records of one run in columns: ids, the side each came from (link tasks), one
 * dictionary-encoded {@link Column} per attribute present in the data, and the strong identifiers
 * as sorted int ids. Comparisons, blocking and the model work on these arrays only.
 */
final class RecordTable {
    final int size;
    final String[] ids;
    /** 0 for every record of a deduplication; 0 (left) or 1 (right) for a link task. */
    final byte[] side;
    final boolean link;
    final EnumMap<PersonAttribute, Column> columns = new EnumMap<>(PersonAttribute.class);
    final Domain identifierDomain = new Domain();
    final int[][] identifiers;
    int[] identifierCount;
    int recordsWithIdentifiers;
    private Map<String, Integer> indexById;

    private RecordTable(int size, boolean link) {
        this.size = size;
        this.ids = new String[size];
        this.side = new byte[size];
        this.link = link;
        this.identifiers = new int[size][];
    }

    static RecordTable of(List<PersonRecord> left, List<PersonRecord> right, boolean link) {
        int n = left.size() + right.size();
        RecordTable t = new RecordTable(n, link);
        Domain names = new Domain();
        Domain addresses = new Domain();
        EnumMap<PersonAttribute, Domain> domains = new EnumMap<>(PersonAttribute.class);
        for (PersonAttribute a : PersonAttribute.values()) {
            domains.put(a, switch (a) {
                case GIVEN_NAME, SURNAME -> names;
                case ADDRESS_LINE_1, ADDRESS_LINE_2 -> addresses;
                default -> new Domain();
            });
        }
        HashMap<String, Integer> seen = new HashMap<>(n * 2);
        int[] empty = new int[0];
        for (int i = 0; i < n; i++) {
            boolean isRight = i >= left.size();
            PersonRecord r = isRight ? right.get(i - left.size()) : left.get(i);
            Integer before = seen.putIfAbsent(r.id(), i);
            if (before != null) {
                throw new IllegalArgumentException("duplicate record id '" + r.id() + "': record ids must be unique"
                        + (link ? " across both sides of a link" : ""));
            }
            t.ids[i] = r.id();
            t.side[i] = (byte) (isRight ? 1 : 0);
            for (Map.Entry<PersonAttribute, String> e : r.attributes().entrySet()) {
                String v = ValueNormaliser.normalise(e.getKey(), e.getValue());
                if (v != null) {
                    Column c = t.columns.computeIfAbsent(e.getKey(), a -> new Column(a, domains.get(a), n));
                    c.valueOf[i] = c.domain.intern(v);
                }
            }
            if (r.strongIdentifiers().isEmpty()) {
                t.identifiers[i] = empty;
            } else {
                int[] ids = new int[r.strongIdentifiers().size()];
                int k = 0;
                for (String s : r.strongIdentifiers()) {
                    ids[k++] = t.identifierDomain.intern(s);
                }
                Arrays.sort(ids);
                t.identifiers[i] = ids;
            }
        }
        t.indexById = seen;
        for (Column c : t.columns.values()) {
            c.countValues();
        }
        t.identifierCount = new int[t.identifierDomain.size()];
        for (int[] ids : t.identifiers) {
            if (ids.length > 0) {
                t.recordsWithIdentifiers++;
            }
            for (int id : ids) {
                t.identifierCount[id]++;
            }
        }
        for (PersonAttribute a : List.of(PersonAttribute.GIVEN_NAME, PersonAttribute.SURNAME)) {
            Column c = t.columns.get(a);
            if (c != null) {
                c.domain.preparePhonetics();
            }
        }
        return t;
    }

    Column column(PersonAttribute a) {
        return columns.get(a);
    }

    int left() {
        int n = 0;
        for (byte s : side) {
            if (s == 0) {
                n++;
            }
        }
        return n;
    }

    /** The record index of an id, or -1. */
    int indexOf(String id) {
        Integer i = indexById.get(id);
        return i == null ? -1 : i;
    }

    /** Number of pairs a run could compare: all pairs (dedupe) or left × right (link). */
    double possiblePairs() {
        if (link) {
            double l = left();
            return l * (size - l);
        }
        return (double) size * (size - 1) / 2;
    }

    boolean comparable(int a, int b) {
        return a != b && (!link || side[a] != side[b]);
    }
}
