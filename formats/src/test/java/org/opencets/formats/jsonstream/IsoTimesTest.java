package org.opencets.formats.jsonstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The fast paths give exactly what java.time gives, valid or not. */
class IsoTimesTest {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    @Property(tries = 3000)
    void instantTextIsInstantToString(@ForAll @LongRange(min = -100_000_000_000L, max = 300_000_000_000L) long seconds,
                                      @ForAll("nanos") int nanos) {
        assertThat(IsoTimes.instant(seconds, nanos)).isEqualTo(Instant.ofEpochSecond(seconds, nanos).toString());
    }

    @Provide
    Arbitrary<Integer> nanos() {
        return Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999).map(i -> i * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(i -> i * 1000), Arbitraries.integers().between(0, 999_999_999));
    }

    @Property(tries = 3000)
    void offsetInstantIsWhatOffsetDateTimeGives(@ForAll("offsetTimes") String s) {
        assertThat(outcome(() -> IsoTimes.offsetInstant(s)))
                .isEqualTo(outcome(() -> OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toString()));
    }

    @Property(tries = 3000)
    void localDateTimeIsWhatTheStrictFormatterGives(@ForAll("localTimes") String s) {
        assertThat(outcome(() -> IsoTimes.localDateTime(s).toString()))
                .isEqualTo(outcome(() -> LocalDateTime.parse(s, LOCAL).toString()));
    }

    @Property(tries = 3000)
    void timeOfDayIsWhatTheStrictFormatterGives(@ForAll("clockTimes") String s) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("H:mm[:ss]", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
        assertThat(outcome(() -> IsoTimes.timeOfDay(s).toString())).isEqualTo(outcome(() -> java.time.LocalTime.parse(s, f).toString()));
    }

    @Provide
    Arbitrary<String> clockTimes() {
        Arbitrary<String> part = Arbitraries.oneOf(Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(3),
                Arbitraries.integers().between(0, 61).map(i -> String.format(Locale.ROOT, "%02d", i)),
                Arbitraries.of("x", " 1", "1 ", "\u0661"));
        return Combinators.combine(part, part, part, Arbitraries.of(true, false))
                .as((h, m, sec, withSeconds) -> h + ":" + m + (withSeconds ? ":" + sec : ""));
    }

    /** Date-times near and past the edges: day 29-31, hour 23-25, odd offsets, fractions of 0-10 digits. */
    @Provide
    Arbitrary<String> offsetTimes() {
        Arbitrary<String> fraction = Arbitraries.integers().between(0, 10)
                .flatMap(n -> n == 0 ? Arbitraries.just("") : Arbitraries.strings().numeric().ofLength(n).map(d -> "." + d));
        Arbitrary<String> offset = Arbitraries.oneOf(Arbitraries.of("Z", "z", "+00:00", "-00:00", "+18:00", "-18:00", "+19:00",
                "+05:30", "-03:45", "+02:60", "+0200", "+02:00:30", ""));
        return Combinators.combine(localTimes(), fraction, offset).as((l, f, o) -> l + f + o);
    }

    @Provide
    Arbitrary<String> localTimes() {
        return Combinators.combine(Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(0, 13),
                        Arbitraries.integers().between(0, 32), Arbitraries.integers().between(0, 25),
                        Arbitraries.integers().between(0, 61), Arbitraries.integers().between(0, 61), Arbitraries.of("T", "t", " "))
                .as((y, mo, d, h, mi, s, t) -> String.format(Locale.ROOT, "%04d-%02d-%02d%s%02d:%02d:%02d", y, mo, d, t, h, mi, s));
    }

    private static String outcome(java.util.function.Supplier<String> f) {
        try {
            return f.get();
        } catch (DateTimeException e) {
            return "invalid";
        }
    }

    @Test
    void examples() {
        assertThat(IsoTimes.offsetInstant("2024-04-01T18:01:00.123+02:00")).isEqualTo("2024-04-01T16:01:00.123Z");
        assertThat(IsoTimes.instant(1709283600, 0)).isEqualTo("2024-03-01T09:00:00Z");
        assertThat(outcome(() -> IsoTimes.localDateTime("2023-02-29T10:00:00").toString())).isEqualTo("invalid");
        assertThat(IsoTimes.localDateTime("2024-02-29T10:00:00")).isEqualTo(LocalDateTime.of(2024, 2, 29, 10, 0));
    }
}
