package org.opencets.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class EditDistanceTest {
    @Test
    void countsInsertDeleteSubstituteAndTranspose() {
        assertThat(EditDistance.distance("19300213", "19300213")).isZero();
        assertThat(EditDistance.distance("2800", "8200")).isEqualTo(1); // adjacent digits transposed
        assertThat(EditDistance.distance("6214", "2133")).isEqualTo(3);
        assertThat(EditDistance.distance("3061308", "3061208")).isEqualTo(1);
        assertThat(EditDistance.distance("17", "1")).isEqualTo(1);
        assertThat(EditDistance.distance("", "abc")).isEqualTo(3);
        assertThat(EditDistance.atMost("4814", "4813", 1)).isTrue();
        assertThat(EditDistance.atMost("4814", "4183", 1)).isFalse();
    }

    /** The fast paths (one edit without a table, count bounds) agree with the full dynamic programme. */
    @Property(tries = 3000)
    void boundedTestAgreesWithFullDistance(@ForAll @StringLength(max = 8) @CharRange(from = '0', to = '3') String a,
                                           @ForAll @StringLength(max = 8) @CharRange(from = '0', to = '3') String b,
                                           @ForAll @IntRange(min = 1, max = 3) int k) {
        assertThat(EditDistance.atMost(a, b, k)).isEqualTo(EditDistance.distance(a, b) <= k);
    }

    @Property(tries = 1000)
    void distanceIsSymmetricAndZeroOnlyOnEqualStrings(@ForAll @StringLength(max = 7) @CharRange(from = 'a', to = 'd') String a,
                                                      @ForAll @StringLength(max = 7) @CharRange(from = 'a', to = 'd') String b) {
        assertThat(EditDistance.distance(a, b)).isEqualTo(EditDistance.distance(b, a));
        assertThat(EditDistance.distance(a, b) == 0).isEqualTo(a.equals(b));
    }
}
