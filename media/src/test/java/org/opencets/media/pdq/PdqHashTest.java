package org.opencets.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PdqHashTest {

    @Property
    void hexRoundTrips(@ForAll long a, @ForAll long b, @ForAll long c, @ForAll long d) {
        PdqHash h = new PdqHash(a, b, c, d);
        assertThat(PdqHash.fromHex(h.toHex())).isEqualTo(h);
        assertThat(h.toHex()).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Property
    void distanceIsAMetric(@ForAll long a, @ForAll long b, @ForAll long c, @ForAll long d,
                           @ForAll long e, @ForAll long f, @ForAll long g, @ForAll long h) {
        PdqHash x = new PdqHash(a, b, c, d);
        PdqHash y = new PdqHash(e, f, g, h);
        assertThat(x.distance(x)).isZero();
        assertThat(x.distance(y)).isEqualTo(y.distance(x)).isBetween(0, 256);
    }

    @Property
    void bitKIsTheKthLeastSignificantBitOfTheHexNumber(@ForAll @IntRange(min = 0, max = 255) int k) {
        long[] w = new long[4];
        w[k >>> 6] = 1L << (k & 63);
        String hex = PdqHash.ofWords(w).toHex();
        assertThat(new java.math.BigInteger(hex, 16)).isEqualTo(java.math.BigInteger.ONE.shiftLeft(k));
        assertThat(PdqHash.ofWords(w).bit(k)).isTrue();
    }

    @Test
    void badHexIsRejectedWithTheReason() {
        assertThatThrownBy(() -> PdqHash.fromHex("abc")).hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> PdqHash.fromHex("z".repeat(64))).hasMessageContaining("character 1");
    }
}
