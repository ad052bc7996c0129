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

    /**
     * Encodes the records. Attributes are normalised and interned column by column, one task per
     * dictionary (the two names together, the two address lines together), on the given pool.
     */
    static RecordTable of(List<PersonRecord> left, List<PersonRecord> right, boolean link,
                          java.util.concurrent.ExecutorService pool) throws InterruptedException {
        int n = left.size() + right.size();
        RecordTable t = new RecordTable(n, link);
        HashMap<String, Integer> seen = new HashMap<>(n * 2);
        int[] empty = new int[0];
        PersonRecord[] all = new PersonRecord[n];
        for (int i = 0; i < n; i++) {
            boolean isRight = i >= left.size();
            PersonRecord r = isRight ? right.get(i - left.size()) : left.get(i);
            all[i] = r;
            Integer before = seen.putIfAbsent(r.id(), i);
            if (before != null) {
                throw new IllegalArgumentException("duplicate record id '" + r.id() + "': record ids must be unique"
                        + (link ? " across both sides of a link" : ""));
            }
            t.ids[i] = r.id();
            t.side[i] = (byte) (isRight ? 1 : 0);
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
        List<List<PersonAttribute>> groups = List.of(
                List.of(PersonAttribute.GIVEN_NAME, PersonAttribute.SURNAME),
                List.of(PersonAttribute.ADDRESS_LINE_1, PersonAttribute.ADDRESS_LINE_2),
                List.of(PersonAttribute.DATE_OF_BIRTH), List.of(PersonAttribute.STREET_NUMBER), List.of(PersonAttribute.LOCALITY),
                List.of(PersonAttribute.POSTCODE), List.of(PersonAttribute.STATE), List.of(PersonAttribute.NATIONAL_ID));
        List<java.util.concurrent.Future<List<Column>>> tasks = new java.util.ArrayList<>();
        for (List<PersonAttribute> group : groups) {
            tasks.add(pool.submit(() -> encode(all, group)));
        }
        for (java.util.concurrent.Future<List<Column>> f : tasks) {
            try {
                for (Column c : f.get()) {
                    t.columns.put(c.attribute, c);
                }
            } catch (java.util.concurrent.ExecutionException e) {
                throw Blocking.propagate(e);
            }
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
        return t;
    }

    /** The columns of attributes sharing one dictionary; an attribute no record has gets no column. */
    private static List<Column> encode(PersonRecord[] records, List<PersonAttribute> attributes) {
        Domain domain = new Domain();
        List<Column> columns = new java.util.ArrayList<>();
        for (PersonAttribute a : attributes) {
            Column c = new Column(a, domain, records.length);
            for (int i = 0; i < records.length; i++) {
                String v = ValueNormaliser.normalise(a, records[i].get(a));
                if (v != null) {
                    c.valueOf[i] = domain.intern(v);
                }
            }
            columns.add(c);
        }
        List<Column> present = new java.util.ArrayList<>();
        for (Column c : columns) {
            c.countValues();
            if (c.present > 0) {
                present.add(c);
            }
        }
        if (attributes.contains(PersonAttribute.GIVEN_NAME) && !present.isEmpty()) {
            domain.preparePhonetics();
        }
        return present;
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
