package org.opencets.app.scenario;

import java.util.List;

/**
 * Identifiers made from a number, one-to-one, so that two people of a scenario share an identifier
 * only where the plan puts one there — without remembering any of them (the generator streams ten
 * million records in flat memory).
 *
 * <p>Design note. Each identifier space (the mobile numbers of a region, a set of public IPv4
 * blocks, the account numbers under a set of card BINs) is numbered {@code 0..M-1}, and key {@code k}
 * maps to number {@code (k * A + B) mod M} with {@code A} prime and not a factor of {@code M}: an
 * affine bijection of {@code Z/M}, so distinct keys give distinct identifiers while neighbouring keys
 * land far apart. Keys are built from a person's global number and a slot ({@code person * 2 + slot}),
 * and every space here holds more than twice the people of the largest scenario.
 *
 * <p>The ranges avoid what the identifier rules treat specially, so that a background value can
 * never be silently dropped: phone numbers come from allocated mobile ranges (never the Ofcom drama
 * range, never the NANP 555 exchange), IP addresses from ordinary public unicast blocks, card numbers
 * from BINs that are not those of public test cards.
 */
final class IdentitySpace {
    private static final long A = 2_147_483_647L; // prime; every M below is smaller than 3e9 and not a multiple

    private IdentitySpace() {
    }

    /** The affine bijection of [0, m): (key * A + salt) mod m. Needs key, m below 3e9 so the product fits a long. */
    static long scramble(long key, long m, long salt) {
        if (key < 0 || key >= m) {
            throw new IllegalArgumentException("key " + key + " outside the space of " + m);
        }
        return Math.floorMod(key * (A % m) + salt, m);
    }

    // ------------------------------------------------------------------ phones

    /**
     * A phone number in the three forms a record may carry it.
     *
     * @param e164          {@code +14163728841}: the canonical form the system prints
     * @param international {@code +1 416 372 8841}
     * @param national      {@code (416) 372-8841}: only understood in the number's own region
     */
    record Phone(String e164, String international, String national, String region) {
    }

    private static final List<String> CA_AREAS = List.of("416", "647", "437", "905", "289", "613", "604", "778", "514",
            "438", "403", "587");
    private static final List<String> US_AREAS = List.of("212", "312", "415", "206", "617", "503", "713", "305", "404",
            "602", "720", "612");
    /** NANP central office codes 200-999 without the N11 service codes and 555. */
    private static final int[] EXCHANGES = exchanges();

    private static int[] exchanges() {
        int[] out = new int[800];
        int n = 0;
        for (int e = 200; e <= 999; e++) {
            if (e % 100 == 11 || e == 555) {
                continue;
            }
            out[n++] = e;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The mobile (or, in North America, geographic) number of key in region CA, US, GB or AU. */
    static Phone phone(String region, long key) {
        return switch (region) {
            case "CA" -> nanp(CA_AREAS, key, 11, region);
            case "US" -> nanp(US_AREAS, key, 13, region);
            case "GB" -> {
                // 07[1-3]xx xxxxxx: allocated UK mobile ranges (Ofcom National Numbering Plan), not 07700 900.
                long n = scramble(key, 300_000_000L, 17);
                String nsn = "7" + (1 + n / 100_000_000L) + String.format("%08d", n % 100_000_000L);
                yield new Phone("+44" + nsn, "+44 " + nsn.substring(0, 4) + " " + nsn.substring(4),
                        "0" + nsn.substring(0, 4) + " " + nsn.substring(4), region);
            }
            case "AU" -> {
                // 04[0-3]x xxx xxx: Australian mobile ranges.
                long n = scramble(key, 40_000_000L, 19);
                String nsn = "4" + (n / 10_000_000L) + String.format("%07d", n % 10_000_000L);
                yield new Phone("+61" + nsn, "+61 " + nsn.substring(0, 3) + " " + nsn.substring(3, 6) + " " + nsn.substring(6),
                        "0" + nsn.substring(0, 3) + " " + nsn.substring(3, 6) + " " + nsn.substring(6), region);
            }
            default -> throw new IllegalArgumentException("no phone plan for region " + region);
        };
    }

    private static Phone nanp(List<String> areas, long key, long salt, String region) {
        long m = (long) areas.size() * EXCHANGES.length * 10_000L;
        long n = scramble(key, m, salt);
        String area = areas.get((int) (n % areas.size()));
        n /= areas.size();
        int line = (int) (n % 10_000);
        int exchange = EXCHANGES[(int) (n / 10_000)];
        String sub = String.format("%03d", exchange) + String.format("%04d", line);
        return new Phone("+1" + area + sub, "+1 " + area + " " + sub.substring(0, 3) + " " + sub.substring(3),
                "(" + area + ") " + sub.substring(0, 3) + "-" + sub.substring(3), region);
    }

    // ------------------------------------------------------------------ IP addresses

    /** Public unicast /8 blocks with no special-purpose range inside them (IANA IPv4 registries, RFC 6890). */
    private static final int[] BLOCKS = {24, 31, 37, 46, 62, 68, 71, 73, 76, 81, 86, 92, 97, 109, 151, 178};
    private static final long PER_BLOCK = 256L * 256L * 254L;

    /** A public IPv4 address, never ending in .0 or .255. */
    static String ip(long key) {
        long n = scramble(key, BLOCKS.length * PER_BLOCK, 23);
        int block = BLOCKS[(int) (n / PER_BLOCK)];
        long r = n % PER_BLOCK;
        int last = (int) (r % 254) + 1;
        r /= 254;
        return block + "." + (r / 256) + "." + (r % 256) + "." + last;
    }

    // ------------------------------------------------------------------ cards

    /**
     * A card number and the label the system shows for it.
     *
     * @param digits 16 digits, Luhn-valid
     * @param label  {@code card:} + first eight digits + "…" + last four (the masked display form)
     */
    record Card(String digits, String label) {
        @Override
        public String toString() {
            return label; // never the number
        }
    }

    /**
     * Visa and Mastercard issuer BINs of ordinary shape; none is the prefix of a public test card on
     * the stoplist (411111, 424242, 401288, 400005, 555555, 510510, 520082, 545454, 222300, …).
     */
    private static final List<String> BINS = List.of("453957", "476134", "492910", "455701", "516732", "532610",
            "547318", "222345");

    /** A Luhn-valid 16-digit card number for key. */
    static Card card(long key) {
        long n = scramble(key, 1_000_000_000L * BINS.size() / 4, 29); // 2e9 numbers, well under 3e9
        String bin = BINS.get((int) (n % BINS.size()));
        long account = n / BINS.size();
        String body = bin + String.format("%09d", account);
        String digits = body + luhnDigit(body);
        return new Card(digits, "card:" + digits.substring(0, 8) + "…" + digits.substring(12));
    }

    /** The check digit that makes body + digit pass the Luhn check (ISO/IEC 7812-1 annex B). */
    static int luhnDigit(String body) {
        int sum = 0;
        boolean twice = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int v = body.charAt(i) - '0';
            if (twice) {
                v *= 2;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }

    /** A card written as processors export it: plain digits, or grouped by fours with spaces or dashes. */
    static String written(Card card, int style) {
        String d = card.digits();
        return switch (Math.floorMod(style, 3)) {
            case 0 -> d;
            case 1 -> d.substring(0, 4) + " " + d.substring(4, 8) + " " + d.substring(8, 12) + " " + d.substring(12);
            default -> d.substring(0, 4) + "-" + d.substring(4, 8) + "-" + d.substring(8, 12) + "-" + d.substring(12);
        };
    }
}
