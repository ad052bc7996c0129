package org.opencets.bench.resolve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.opencets.core.resolve.PersonAttribute;
import org.opencets.core.resolve.PersonRecord;

/**
 * Generates synthetic person records with the kinds of corruption the Febrl generator applies
 * (Christen 2005, "Probabilistic data generation for deduplication and data linkage"): originals
 * drawn from skewed frequency tables, duplicates made by a few modifications each — typing errors
 * (insert, delete, substitute, transpose), split and joined words, OCR and phonetic confusions,
 * missing values, a value replaced by another, given name and surname swapped, address lines
 * swapped, digits mistyped or transposed, day and month of birth exchanged. Every word is made of
 * syllables; no real name or place is used. Deterministic for a seed.
 *
 * <p>Record ids are {@code s<seed>-<n>}; the truth (which records are one person) is returned
 * beside the records, never inside them.
 */
public final class SyntheticPeople {
    /** A generated data set: records and, per record, the index of the person it describes. */
    public record Dataset(List<PersonRecord> records, int[] person) {
    }

    /** A generated linkage task: each left record has exactly one duplicate on the right. */
    public record LinkTask(List<PersonRecord> left, List<PersonRecord> right, int[] leftPerson, int[] rightPerson) {
    }

    /** How many modifications a duplicate gets: probabilities of 1, 2, 3, … modifications. */
    public enum Corruption {
        /** Close to the Febrl data sets of ../shared/data/febrl (about 2.2 fields changed per duplicate). */
        FEBRL_LIKE(new double[] {0.30, 0.37, 0.19, 0.095, 0.03, 0.015}),
        /** One modification more on average, for a harder test. */
        HEAVY(new double[] {0.05, 0.25, 0.32, 0.2, 0.1, 0.05, 0.03});

        private final double[] modifications;

        Corruption(double[] modifications) {
            this.modifications = modifications;
        }
    }

    private static final String[] ONSETS = {"b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v",
        "w", "z", "br", "ch", "cl", "cr", "dr", "fr", "gr", "kr", "pr", "sh", "st", "th", "tr", "", "", "y", "qu", "ph"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ee", "ie", "ou", "y", "oo"};
    private static final String[] CODAS = {"", "", "", "n", "r", "l", "s", "t", "m", "nd", "rt", "ck", "ll", "ss", "th", "ng", "x"};
    private static final String[] STREET_TYPES = {"street", "road", "avenue", "place", "crescent", "close", "court", "circuit",
        "drive", "lane", "parade", "terrace", "way"};
    private static final String[] STATES = {"nsw", "vic", "qld", "wa", "sa", "tas", "act", "nt"};
    private static final double[] STATE_SHARE = {0.32, 0.26, 0.2, 0.1, 0.07, 0.02, 0.02, 0.01};
    /** Confusions of optical character recognition, both ways. */
    private static final String[][] OCR = {{"m", "rn"}, {"o", "0"}, {"l", "1"}, {"s", "5"}, {"g", "9"}, {"b", "6"}, {"i", "l"},
        {"cl", "d"}, {"vv", "w"}, {"h", "b"}, {"e", "c"}};
    /** Spelling variants that sound alike. */
    private static final String[][] PHONETIC = {{"ph", "f"}, {"ck", "k"}, {"c", "k"}, {"ee", "ea"}, {"y", "ie"}, {"th", "t"},
        {"ou", "ow"}, {"s", "z"}, {"ll", "l"}, {"ai", "ay"}, {"qu", "kw"}, {"x", "ks"}};

    private final SplittableRandom random;
    private final Corruption corruption;
    private final String[] givenNames;
    private final double[] givenCdf;
    private final String[] surnames;
    private final double[] surnameCdf;
    private final String[] streets;
    private final double[] streetCdf;
    private final String[] buildings;
    private final String[] localities;
    private final double[] localityCdf;
    private final String[] localityPostcode;
    private final String[] localityState;
    private final long seed;
    private int nextId;

    private SyntheticPeople(long seed, int scale, Corruption corruption) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.corruption = corruption;
        // Vocabulary sizes grow slowly with the data, as real name tables do.
        int given = 1500 + scale / 500;
        int sur = 8000 + scale / 20;
        int street = 3000 + scale / 200;
        int locality = 1500 + scale / 500;
        givenNames = words(given, 2, 3);
        givenCdf = zipfCdf(given, 5);
        surnames = words(sur, 2, 3);
        surnameCdf = zipfCdf(sur, 20);
        String[] streetNames = words(street, 2, 3);
        streets = new String[street];
        for (int i = 0; i < street; i++) {
            streets[i] = streetNames[i] + " " + STREET_TYPES[random.nextInt(STREET_TYPES.length)];
        }
        streetCdf = zipfCdf(street, 50);
        String[] b = words(400, 2, 3);
        buildings = new String[b.length];
        String[] kinds = {"", " village", " park", " house", " estate", " gardens", " farm", " vlge", " court"};
        for (int i = 0; i < b.length; i++) {
            buildings[i] = b[i] + kinds[random.nextInt(kinds.length)];
        }
        localities = words(locality, 2, 4);
        for (int i = 0; i < localities.length; i++) {
            if (random.nextDouble() < 0.15) {
                localities[i] = (random.nextBoolean() ? "east " : "mount ") + localities[i];
            }
        }
        localityCdf = zipfCdf(locality, 30);
        localityPostcode = new String[locality];
        localityState = new String[locality];
        for (int i = 0; i < locality; i++) {
            localityPostcode[i] = String.format("%04d", 800 + random.nextInt(9000));
            localityState[i] = STATES[pick(cumulative(STATE_SHARE))];
        }
    }

    /** A deduplication data set: {@code originals} persons and {@code duplicates} extra records of some of them. */
    public static Dataset dedupe(long seed, int originals, int duplicates, int maxDuplicatesPerOriginal, Corruption corruption) {
        SyntheticPeople g = new SyntheticPeople(seed, originals + duplicates, corruption);
        List<PersonRecord> records = new ArrayList<>(originals + duplicates);
        List<Integer> person = new ArrayList<>(originals + duplicates);
        List<Map<PersonAttribute, String>> people = new ArrayList<>(originals);
        for (int p = 0; p < originals; p++) {
            Map<PersonAttribute, String> o = g.original();
            people.add(o);
            records.add(g.record(o));
            person.add(p);
        }
        // Duplicates per original follow a Zipf-like law capped at the maximum, as in Febrl.
        double[] perCdf = zipfCdf(maxDuplicatesPerOriginal, 0);
        int made = 0;
        while (made < duplicates) {
            int p = g.random.nextInt(originals);
            int k = Math.min(duplicates - made, 1 + g.pick(perCdf));
            for (int i = 0; i < k; i++) {
                records.add(g.record(g.corrupt(people.get(p))));
                person.add(p);
            }
            made += k;
        }
        // Shuffle records and truth together.
        int[] order = new int[records.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = g.random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        List<PersonRecord> shuffled = new ArrayList<>(records.size());
        int[] truth = new int[records.size()];
        for (int i = 0; i < order.length; i++) {
            shuffled.add(records.get(order[i]));
            truth[i] = person.get(order[i]);
        }
        return new Dataset(shuffled, truth);
    }

    /** A linkage task: {@code n} originals on the left, one corrupted copy of each on the right, both shuffled. */
    public static LinkTask link(long seed, int n, Corruption corruption) {
        SyntheticPeople g = new SyntheticPeople(seed, 2 * n, corruption);
        List<PersonRecord> left = new ArrayList<>(n);
        List<PersonRecord> right = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            Map<PersonAttribute, String> o = g.original();
            left.add(g.record(o));
            right.add(g.record(g.corrupt(o)));
        }
        int[] lp = new int[n];
        int[] rp = new int[n];
        for (int i = 0; i < n; i++) {
            lp[i] = i;
            rp[i] = i;
        }
        g.shuffle(left, lp);
        g.shuffle(right, rp);
        return new LinkTask(left, right, lp, rp);
    }

    private void shuffle(List<PersonRecord> list, int[] truth) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Collections.swap(list, i, j);
            int t = truth[i];
            truth[i] = truth[j];
            truth[j] = t;
        }
    }

    private PersonRecord record(Map<PersonAttribute, String> attributes) {
        return PersonRecord.of("s" + seed + "-" + (nextId++), attributes);
    }

    private Map<PersonAttribute, String> original() {
        EnumMap<PersonAttribute, String> r = new EnumMap<>(PersonAttribute.class);
        put(r, PersonAttribute.GIVEN_NAME, givenNames[pick(givenCdf)], 0.02);
        put(r, PersonAttribute.SURNAME, surnames[pick(surnameCdf)], 0.01);
        put(r, PersonAttribute.STREET_NUMBER, Integer.toString(streetNumber()), 0.03);
        put(r, PersonAttribute.ADDRESS_LINE_1, streets[pick(streetCdf)], 0.02);
        if (random.nextDouble() < 0.55) {
            r.put(PersonAttribute.ADDRESS_LINE_2, buildings[random.nextInt(buildings.length)]);
        }
        // As in Febrl, each field is drawn from its own table: locality, postcode and state are
        // independent (real addresses correlate them; see docs/RESOLUTION.md on that limitation).
        put(r, PersonAttribute.LOCALITY, localities[pick(localityCdf)], 0.01);
        r.put(PersonAttribute.POSTCODE, localityPostcode[pick(localityCdf)]);
        put(r, PersonAttribute.STATE, localityState[pick(localityCdf)], 0.01);
        put(r, PersonAttribute.DATE_OF_BIRTH, dateOfBirth(), 0.02);
        r.put(PersonAttribute.NATIONAL_ID, Integer.toString(1_000_000 + random.nextInt(9_000_000)));
        return r;
    }

    private void put(Map<PersonAttribute, String> r, PersonAttribute a, String value, double missing) {
        if (random.nextDouble() >= missing) {
            r.put(a, value);
        }
    }

    private int streetNumber() {
        double x = random.nextDouble();
        return x < 0.6 ? 1 + random.nextInt(60) : x < 0.9 ? 1 + random.nextInt(300) : 1 + random.nextInt(5000);
    }

    private String dateOfBirth() {
        int year = 1905 + random.nextInt(100);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        return String.format("%04d%02d%02d", year, month, day);
    }

    /** Relative chance that a modification lands on each attribute (the change rates seen in the Febrl sets). */
    private static final PersonAttribute[] FIELDS = {PersonAttribute.GIVEN_NAME, PersonAttribute.SURNAME,
        PersonAttribute.STREET_NUMBER, PersonAttribute.ADDRESS_LINE_1, PersonAttribute.ADDRESS_LINE_2, PersonAttribute.LOCALITY,
        PersonAttribute.POSTCODE, PersonAttribute.STATE, PersonAttribute.DATE_OF_BIRTH, PersonAttribute.NATIONAL_ID};
    private static final double[] FIELD_CDF = cumulative(new double[] {0.30, 0.33, 0.16, 0.35, 0.43, 0.26, 0.17, 0.04, 0.09, 0.09});

    private Map<PersonAttribute, String> corrupt(Map<PersonAttribute, String> original) {
        EnumMap<PersonAttribute, String> d = new EnumMap<>(PersonAttribute.class);
        d.putAll(original);
        int modifications = 1 + pick(cumulative(corruption.modifications));
        for (int m = 0; m < modifications; m++) {
            double kind = random.nextDouble();
            if (kind < 0.03) {
                swap(d, PersonAttribute.GIVEN_NAME, PersonAttribute.SURNAME);
                continue;
            }
            if (kind < 0.05) {
                swap(d, PersonAttribute.ADDRESS_LINE_1, PersonAttribute.ADDRESS_LINE_2);
                continue;
            }
            PersonAttribute a = FIELDS[pick(FIELD_CDF)];
            String v = d.get(a);
            if (v == null) {
                continue;
            }
            String changed = switch (a) {
                case DATE_OF_BIRTH -> corruptDate(v);
                case STREET_NUMBER, POSTCODE, NATIONAL_ID -> corruptDigits(v, a != PersonAttribute.NATIONAL_ID);
                case STATE -> random.nextDouble() < 0.5 ? null : STATES[random.nextInt(STATES.length)];
                default -> corruptText(a, v);
            };
            if (changed == null || changed.isBlank()) {
                d.remove(a);
            } else {
                d.put(a, changed);
            }
        }
        return d;
    }

    private static void swap(Map<PersonAttribute, String> d, PersonAttribute x, PersonAttribute y) {
        String a = d.remove(x);
        String b = d.remove(y);
        if (b != null) {
            d.put(x, b);
        }
        if (a != null) {
            d.put(y, a);
        }
    }

    private String corruptText(PersonAttribute a, String v) {
        double x = random.nextDouble();
        if (x < 0.06) {
            return null; // missing
        }
        if (x < 0.13) {
            return switch (a) { // replaced by another value, as when a clerk writes another name
                case GIVEN_NAME -> givenNames[pick(givenCdf)];
                case SURNAME -> surnames[pick(surnameCdf)];
                case ADDRESS_LINE_1 -> streets[pick(streetCdf)];
                case ADDRESS_LINE_2 -> buildings[random.nextInt(buildings.length)];
                default -> localities[pick(localityCdf)];
            };
        }
        if (x < 0.21) {
            return substitute(v, random.nextBoolean() ? OCR : PHONETIC);
        }
        if (x < 0.29) {
            int i = 1 + random.nextInt(Math.max(1, v.length() - 1));
            return v.substring(0, i) + " " + v.substring(i); // a word split
        }
        if (x < 0.33 && v.indexOf(' ') > 0) {
            int i = v.indexOf(' ');
            return v.substring(0, i) + v.substring(i + 1); // words joined
        }
        return typo(v, "abcdefghijklmnopqrstuvwxyz");
    }

    private String corruptDigits(String v, boolean mayBeMissing) {
        double x = random.nextDouble();
        if (mayBeMissing && x < 0.08) {
            return null;
        }
        return typo(v, "0123456789");
    }

    private String corruptDate(String v) {
        double x = random.nextDouble();
        if (x < 0.12) {
            return null;
        }
        if (x < 0.22 && v.length() == 8) {
            return v.substring(0, 4) + v.substring(6, 8) + v.substring(4, 6);
        }
        if (x < 0.35 && v.length() == 8) {
            return String.format("%04d", 1905 + random.nextInt(100)) + v.substring(4);
        }
        if (x < 0.45 && v.length() == 8) {
            return dateOfBirth(); // a different date altogether
        }
        return typo(v, "0123456789");
    }

    /** One typing error: insert, delete, substitute (a neighbouring key half the time) or transpose. */
    private String typo(String v, String alphabet) {
        if (v.isEmpty()) {
            return v;
        }
        int i = random.nextInt(v.length());
        double x = random.nextDouble();
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        if (x < 0.25) {
            return v.substring(0, i) + c + v.substring(i);
        }
        if (x < 0.45 && v.length() > 1) {
            return v.substring(0, i) + v.substring(i + 1);
        }
        if (x < 0.8) {
            return v.substring(0, i) + c + v.substring(i + 1);
        }
        if (v.length() > 1) {
            int j = i == v.length() - 1 ? i - 1 : i;
            return v.substring(0, j) + v.charAt(j + 1) + v.charAt(j) + v.substring(j + 2);
        }
        return v + c;
    }

    private String substitute(String v, String[][] table) {
        List<String[]> applicable = new ArrayList<>();
        for (String[] pair : table) {
            if (v.contains(pair[0])) {
                applicable.add(pair);
            }
            if (v.contains(pair[1])) {
                applicable.add(new String[] {pair[1], pair[0]});
            }
        }
        if (applicable.isEmpty()) {
            return typo(v, "abcdefghijklmnopqrstuvwxyz");
        }
        String[] pair = applicable.get(random.nextInt(applicable.size()));
        int at = v.indexOf(pair[0]);
        return v.substring(0, at) + pair[1] + v.substring(at + pair[0].length());
    }

    private String[] words(int n, int minSyllables, int maxSyllables) {
        Set<String> out = new LinkedHashSet<>();
        while (out.size() < n) {
            int syllables = minSyllables + random.nextInt(maxSyllables - minSyllables + 1);
            StringBuilder w = new StringBuilder();
            for (int s = 0; s < syllables; s++) {
                w.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
                if (random.nextDouble() < 0.4 || s == syllables - 1) {
                    w.append(CODAS[random.nextInt(CODAS.length)]);
                }
            }
            if (w.length() >= 3) {
                out.add(w.toString());
            }
        }
        return out.toArray(String[]::new);
    }

    /** Cumulative shares of a Zipf-like law {@code 1 / (rank + offset)}. */
    private static double[] zipfCdf(int n, int offset) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1.0 / (i + 1 + offset);
        }
        return cumulative(w);
    }

    private static double[] cumulative(double[] w) {
        double total = 0;
        for (double x : w) {
            total += x;
        }
        double[] c = new double[w.length];
        double acc = 0;
        for (int i = 0; i < w.length; i++) {
            acc += w[i] / total;
            c[i] = acc;
        }
        c[w.length - 1] = 1.0;
        return c;
    }

    private int pick(double[] cdf) {
        double x = random.nextDouble();
        int i = java.util.Arrays.binarySearch(cdf, x);
        return i >= 0 ? i : Math.min(cdf.length - 1, -i - 1);
    }
}
