package org.opencets.app.scenario;

import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One invented person as the scenario knows them: the truth that records then write imperfectly
 * (typos in the name, day and month swapped in the birth date, an old address).
 *
 * @param id      the person's number in the scenario, {@code P<id>} in truth.json
 * @param region  the region of their agency, for the address and phone number
 */
record SyntheticPerson(long id, String given, String surname, char sex, LocalDate dob, String street, String town,
                       String postcode, String region) {

    String fullName() {
        return given + " " + surname;
    }

    /**
     * A background person, everything drawn from their number: the name from a bijection of it (so
     * name and digits make a unique mailbox and handle), the rest from a generator seeded by it.
     */
    static SyntheticPerson background(long id, long seed, Catalogue.AgencyDef home) {
        long names = (long) (Catalogue.GIVEN_FEMALE.size() + Catalogue.GIVEN_MALE.size()) * Catalogue.SURNAMES.size();
        long s = IdentitySpace.scramble(id, names * NameKey.MAX_REST, 31);
        NameKey key = NameKey.of(s);
        SplittableRandom r = new SplittableRandom(mix(seed, id));
        return withName(id, key.given(), key.sex(), key.surname(), r, home);
    }

    /** An offender or other planted person: a name drawn from the plan's generator. */
    static SyntheticPerson planted(long id, SplittableRandom r, Catalogue.AgencyDef home) {
        boolean female = r.nextInt(6) == 0;
        String given = female ? pick(Catalogue.GIVEN_FEMALE, r) : pick(Catalogue.GIVEN_MALE, r);
        return withName(id, given, female ? 'F' : 'M', pick(Catalogue.SURNAMES, r), r, home);
    }

    private static SyntheticPerson withName(long id, String given, char sex, String surname, SplittableRandom r,
                                            Catalogue.AgencyDef home) {
        LocalDate dob = LocalDate.of(1955 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28));
        return new SyntheticPerson(id, given, surname, sex, dob, (1 + r.nextInt(240)) + " " + pick(Catalogue.STREETS, r),
                pick(home.towns(), r), postcode(home.region(), r), home.region());
    }

    /** The same person after a move: another street, maybe another town. */
    SyntheticPerson moved(SplittableRandom r, Catalogue.AgencyDef home) {
        return new SyntheticPerson(id, given, surname, sex, dob, (1 + r.nextInt(240)) + " " + pick(Catalogue.STREETS, r),
                pick(home.towns(), r), postcode(home.region(), r), region);
    }

    /** The name as a clerk might type it: a letter swapped, dropped or doubled, or a short form. */
    static String typo(String name, SplittableRandom r) {
        if (name.length() < 4) {
            return name;
        }
        int i = 1 + r.nextInt(name.length() - 2);
        return switch (r.nextInt(3)) {
            case 0 -> name.substring(0, i) + name.charAt(i + 1) + name.charAt(i) + name.substring(i + 2);
            case 1 -> name.substring(0, i) + name.substring(i + 1);
            default -> name.substring(0, i) + name.charAt(i) + name.substring(i);
        };
    }

    /** The birth date with day and month swapped where that is still a date, else the year's last digits swapped. */
    String transposedDob() {
        if (dob.getDayOfMonth() <= 12 && dob.getDayOfMonth() != dob.getMonthValue()) {
            return LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue()).toString();
        }
        int y = dob.getYear();
        int swapped = y / 100 * 100 + (y % 10) * 10 + (y / 10) % 10;
        return LocalDate.of(swapped, dob.getMonthValue(), dob.getDayOfMonth()).toString();
    }

    static String postcode(String region, SplittableRandom r) {
        String letters = "ABCEGHJKLMNPRSTVXY";
        return switch (region) {
            case "CA" -> "" + letters.charAt(r.nextInt(letters.length())) + r.nextInt(10) + letters.charAt(r.nextInt(letters.length()))
                    + " " + r.nextInt(10) + letters.charAt(r.nextInt(letters.length())) + r.nextInt(10);
            case "GB" -> "" + "WXKQ".charAt(r.nextInt(4)) + letters.charAt(r.nextInt(letters.length())) + (1 + r.nextInt(9))
                    + " " + r.nextInt(10) + letters.charAt(r.nextInt(letters.length())) + letters.charAt(r.nextInt(letters.length()));
            case "US" -> String.format(Locale.ROOT, "%05d", 10_000 + r.nextInt(89_000));
            default -> Integer.toString(2000 + r.nextInt(5000));
        };
    }

    static <T> T pick(java.util.List<T> list, SplittableRandom r) {
        return list.get(r.nextInt(list.size()));
    }

    /** A 64-bit mix of two numbers (the SplitMix64 finaliser), for seeding per-person generators. */
    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A background person's name and the digits that make their mailbox and handle unique: the
     * mixed-radix digits of their scrambled number.
     */
    record NameKey(String given, char sex, String surname, long rest) {
        static final long MAX_REST = 10_000;

        static NameKey of(long s) {
            int g = Catalogue.GIVEN_FEMALE.size() + Catalogue.GIVEN_MALE.size();
            int gi = (int) (s % g);
            s /= g;
            int si = (int) (s % Catalogue.SURNAMES.size());
            long rest = s / Catalogue.SURNAMES.size();
            boolean female = gi < Catalogue.GIVEN_FEMALE.size();
            String given = female ? Catalogue.GIVEN_FEMALE.get(gi) : Catalogue.GIVEN_MALE.get(gi - Catalogue.GIVEN_FEMALE.size());
            return new NameKey(given, female ? 'F' : 'M', Catalogue.SURNAMES.get(si), rest);
        }
    }

    /** This background person's unique digits (see {@link NameKey}). */
    static long rest(long id) {
        long names = (long) (Catalogue.GIVEN_FEMALE.size() + Catalogue.GIVEN_MALE.size()) * Catalogue.SURNAMES.size();
        return NameKey.of(IdentitySpace.scramble(id, names * NameKey.MAX_REST, 31)).rest();
    }
}
