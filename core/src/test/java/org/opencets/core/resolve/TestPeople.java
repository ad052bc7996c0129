package org.opencets.core.resolve;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Small synthetic populations for tests: invented names, one or two typing errors per duplicate. */
final class TestPeople {
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "tas", "vo", "bel", "dru", "fin", "gor", "hal", "jun",
        "ke", "lim", "nor", "pa", "qui", "ros", "sul", "tor", "ul", "ven", "wy", "zan"};

    final SplittableRandom random;
    private int next;

    TestPeople(long seed) {
        this.random = new SplittableRandom(seed);
    }

    String word(int syllables) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            s.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return s.toString();
    }

    Map<PersonAttribute, String> person() {
        Map<PersonAttribute, String> m = new EnumMap<>(PersonAttribute.class);
        m.put(PersonAttribute.GIVEN_NAME, word(2));
        m.put(PersonAttribute.SURNAME, word(3));
        m.put(PersonAttribute.DATE_OF_BIRTH, String.format("%04d%02d%02d", 1930 + random.nextInt(80), 1 + random.nextInt(12),
                1 + random.nextInt(28)));
        m.put(PersonAttribute.STREET_NUMBER, Integer.toString(1 + random.nextInt(200)));
        m.put(PersonAttribute.ADDRESS_LINE_1, word(2) + " street");
        m.put(PersonAttribute.LOCALITY, word(2));
        m.put(PersonAttribute.POSTCODE, Integer.toString(1000 + random.nextInt(9000)));
        m.put(PersonAttribute.NATIONAL_ID, Integer.toString(1_000_000 + random.nextInt(9_000_000)));
        return m;
    }

    /** A copy with one or two typing errors in randomly chosen attributes. */
    Map<PersonAttribute, String> duplicate(Map<PersonAttribute, String> p) {
        Map<PersonAttribute, String> d = new EnumMap<>(p);
        PersonAttribute[] keys = d.keySet().toArray(PersonAttribute[]::new);
        int errors = 1 + random.nextInt(2);
        for (int e = 0; e < errors; e++) {
            PersonAttribute a = keys[random.nextInt(keys.length)];
            String v = d.get(a);
            int i = random.nextInt(v.length());
            char c = Character.isDigit(v.charAt(i)) ? (char) ('0' + random.nextInt(10)) : (char) ('a' + random.nextInt(26));
            d.put(a, v.substring(0, i) + c + v.substring(i + 1));
        }
        return d;
    }

    PersonRecord record(String prefix, Map<PersonAttribute, String> attributes) {
        return PersonRecord.of(prefix + (next++), attributes);
    }

    /** {@code persons} people, each with one duplicate; truth is the record's index / 2. */
    List<PersonRecord> pairs(int persons) {
        List<PersonRecord> out = new ArrayList<>();
        for (int p = 0; p < persons; p++) {
            Map<PersonAttribute, String> o = person();
            out.add(record("p" + p + "-a-", o));
            out.add(record("p" + p + "-b-", duplicate(o)));
        }
        return out;
    }
}
