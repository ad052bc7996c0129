package org.opencets.app.scenario;

/**
 * What scenario to generate.
 *
 * @param agencies how many agencies (3 to 8): each gets a payments case, a chat case, an arrests
 *                 case and a series of tip cases
 * @param people   about how many synthetic people; the scenario writes about
 *                 {@link #RECORDS_PER_PERSON} records a person
 * @param seed     the same seed gives the same files, byte for byte
 */
public record ScenarioSpec(int agencies, long people, long seed) {
    public static final int MIN_AGENCIES = 3;
    public static final int MAX_AGENCIES = Catalogue.AGENCIES.size();
    /** Records per person on average: most people appear once, chat contacts several times. */
    public static final double RECORDS_PER_PERSON = 1.5;
    /** At least this many people, so that every case has room for its noise and the story. */
    public static final long MIN_PEOPLE = 1_000;
    /** At most this many (the identifier spaces hold more, but the build machine's disk does not). */
    public static final long MAX_PEOPLE = 20_000_000;

    public ScenarioSpec {
        if (agencies < MIN_AGENCIES || agencies > MAX_AGENCIES) {
            throw new IllegalArgumentException("--agencies must be " + MIN_AGENCIES + " to " + MAX_AGENCIES
                    + " (the story needs three), found " + agencies);
        }
        if (people < MIN_PEOPLE || people > MAX_PEOPLE) {
            throw new IllegalArgumentException("--people must be " + MIN_PEOPLE + " to " + MAX_PEOPLE + ", found " + people);
        }
    }

    /** The spec that writes about this many records. */
    public static ScenarioSpec ofRecords(long records, int agencies, long seed) {
        return new ScenarioSpec(agencies, Math.round(records / RECORDS_PER_PERSON), seed);
    }

    /** About how many records the scenario writes. */
    public long targetRecords() {
        return Math.round(people * RECORDS_PER_PERSON);
    }
}
