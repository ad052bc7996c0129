package org.opencets.formats.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.opencets.formats.testing.ReaderHarness;

/**
 * Bounded fuzzing of both readers: mutants of the fixtures end in records, rejections with a reason,
 * or a clear error, never anything else. The seed is printed; replay with -Dcets.fuzz.seed=SEED.
 */
class EmailFuzzTest {
    static long seed() {
        long seed = Long.getLong("cets.fuzz.seed", new SplittableRandom().nextLong());
        System.out.println("EmailFuzzTest seed " + seed + " (replay: -Dcets.fuzz.seed=" + seed + ")");
        return seed;
    }

    @Test
    void mbox() throws Exception {
        long seed = seed();
        int errors = ReaderHarness.fuzz(new MboxReader(), "mailbox.mbox", EmlReaderTest.resource("mailbox.mbox"), seed, 600);
        assertThat(errors).isLessThan(600);
    }

    @Test
    void eml() throws Exception {
        long seed = seed();
        int errors = ReaderHarness.fuzz(new EmlReader(), "multipart.eml", EmlReaderTest.resource("multipart.eml"), seed, 600);
        assertThat(errors).isLessThan(600);
    }
}
