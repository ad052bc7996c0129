package org.opencets.formats.whatsapp;

import java.util.Locale;
import java.util.Set;

/**
 * The order of day, month and year in a WhatsApp export's dates, which follows the phone's locale
 * and is written nowhere in the file.
 *
 * <p>Settlement over the whole file ({@link Vote}): a first number of four digits means year first
 * (ymd). Otherwise the year is last and the first two numbers are day and month in some order: the
 * first number over 12 proves dmy, the first second number over 12 proves mdy (the first pass
 * stops there; a later date that contradicts it is then an impossible date, rejected with its
 * line). If no number proves it, the file's order settles it: an export lists messages in time order, so when reading the dates one way makes them go back in time and the other way does
 * not, the other way is right. If that too leaves both possible (a chat whose days are all 1-12 and
 * whose dates run forward either way), the order usual for the case's region is assumed (mdy for the
 * United States and its territories, the Philippines, and the Pacific states that follow US usage;
 * dmy elsewhere) and the import gets a warning saying so. The option {@code date-order} decides
 * without any of this.
 */
enum DateOrder {
    DMY("day/month/year"), MDY("month/day/year"), YMD("year/month/day");

    final String words;

    DateOrder(String words) {
        this.words = words;
    }

    private static final Set<String> MONTH_FIRST_REGIONS = Set.of("US", "PR", "GU", "VI", "AS", "MP", "UM", "PH",
            "FM", "MH", "PW");

    static DateOrder parse(String option) {
        try {
            return valueOf(option.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--date-order '" + option + "' is not one of dmy, mdy, ymd");
        }
    }

    static DateOrder usualFor(String region) {
        return region != null && MONTH_FIRST_REGIONS.contains(region.strip().toUpperCase(Locale.ROOT)) ? MDY : DMY;
    }

    int year(ChatHeader h) {
        return this == YMD ? fullYear(h.n1, h.len1) : fullYear(h.n3, h.len3);
    }

    int month(ChatHeader h) {
        return this == MDY ? h.n1 : h.n2;
    }

    int day(ChatHeader h) {
        return switch (this) {
            case DMY -> h.n1;
            case MDY -> h.n2;
            case YMD -> h.n3;
        };
    }

    /** WhatsApp appeared in 2009: a two-digit year is of this century. */
    private static int fullYear(int y, int len) {
        return len <= 2 ? 2000 + y : y;
    }

    /** Collects the evidence of one file's dates. */
    static final class Vote {
        private boolean yearFirst;
        private boolean firstOver12;
        private boolean secondOver12;
        private int lastDmy = -1;
        private int lastMdy = -1;
        private long backwardsDmy;
        private long backwardsMdy;
        private long dates;
        private String example;
        private long exampleLine;

        void add(ChatHeader h, long line) {
            dates++;
            if (example == null) {
                example = h.dateText();
                exampleLine = line;
            }
            if (h.len1 == 4) {
                yearFirst = true;
                return;
            }
            firstOver12 |= h.n1 > 12;
            secondOver12 |= h.n2 > 12;
            int y = fullYear(h.n3, h.len3);
            int dmy = h.n2 >= 1 && h.n2 <= 12 ? y * 10000 + h.n2 * 100 + h.n1 : -1;
            int mdy = h.n1 >= 1 && h.n1 <= 12 ? y * 10000 + h.n1 * 100 + h.n2 : -1;
            if (dmy >= 0) {
                if (dmy < lastDmy) {
                    backwardsDmy++;
                }
                lastDmy = dmy;
            }
            if (mdy >= 0) {
                if (mdy < lastMdy) {
                    backwardsMdy++;
                }
                lastMdy = mdy;
            }
        }

        /** True once a number has proved the order (more lines cannot change it, short of contradicting it). */
        boolean proven() {
            return yearFirst || firstOver12 || secondOver12;
        }

        /**
         * The order the evidence shows, or the region's usual one.
         *
         * @param warnings receives the warning when the order had to be assumed
         */
        DateOrder decide(String region, java.util.function.Consumer<String> warnings) {
            if (yearFirst) {
                return YMD;
            }
            if (firstOver12) {
                return DMY;
            }
            if (secondOver12) {
                return MDY;
            }
            if (backwardsDmy == 0 && backwardsMdy > 0) {
                return DMY;
            }
            if (backwardsMdy == 0 && backwardsDmy > 0) {
                return MDY;
            }
            DateOrder assumed = usualFor(region);
            if (dates > 0) {
                warnings.accept("the dates cannot tell day from month (every day and month is 12 or less and both "
                        + "readings run in time order, e.g. " + example + " at line " + exampleLine + "): read as "
                        + assumed.words + ", the usual order for region " + (region == null ? "(none)" : region)
                        + "; if the phone wrote them the other way, import with --date-order "
                        + (assumed == DMY ? "mdy" : "dmy"));
            }
            return assumed;
        }
    }
}
