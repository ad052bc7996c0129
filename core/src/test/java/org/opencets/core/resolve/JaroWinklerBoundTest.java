package org.opencets.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;

/** The pruning bound never falls below the similarity Commons Text computes, so pruning never changes a level. */
class JaroWinklerBoundTest {
    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();

    @Property(tries = 5000)
    void boundIsAtLeastTheSimilarity(@ForAll @StringLength(min = 1, max = 12) @CharRange(from = 'a', to = 'h') String a,
                                     @ForAll @StringLength(min = 1, max = 12) @CharRange(from = 'a', to = 'h') String b) {
        assertThat(AttributeComparison.jaroWinklerUpperBound(a, b)).isGreaterThanOrEqualTo(JW.apply(a, b) - 1e-12);
    }

    @Test
    void prunesDissimilarNamesAndKeepsSimilarOnes() {
        assertThat(AttributeComparison.jaroWinklerUpperBound("harrington", "waller")).isLessThan(0.8);
        assertThat(AttributeComparison.jaroWinklerUpperBound("hathaway", "hathqway")).isGreaterThanOrEqualTo(JW.apply("hathaway", "hathqway"));
        assertThat(AttributeComparison.jaroWinklerUpperBound("zoë", "zoe")).isEqualTo(1.0); // outside a-z: no pruning
    }
}
