package org.opencets.formats.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opencets.formats.testing.ReaderHarness;

/** The canonical JSON Lines reader on mutated input: records, rejected lines with reasons, or a clear error. */
class JsonLinesFuzzTest {
    static final String SAMPLE = """
            {"kind":"transaction","time":"2024-03-01T10:00:00Z","amount":"29.99","card_number":"4556 7375 8689 9855","email":"J.Smith@GMail.com","ip":"81.2.69.160"}
            {"kind":"message","time":"2024-04-01T20:00:00Z","platform":"irc","from":"darkstar","to":["bluebird"],"text":"mail me at jsmith@gmail.com or call +14155552671"}
            {"kind":"arrest","date":"2023-11-05","given_name":"John","surname":"Smith","dob":"1980-02-03","phone":"+1 415 555 2671"}
            {"kind":"tip","accounts":[{"platform":"examplechat","handle":"darkstar","email":"jsmith@gmail.com"}],"files":[{"name":"a.jpg","md5":"0cc175b9c0f1b6a831c399e269772661"}]}
            {"kind":"note","text":"informant says +44 7700 900123"}
            """;

    @Test
    void mutatedLinesGiveRecordsOrAReason() throws Exception {
        long seed = Long.getLong("cets.fuzz.seed", System.nanoTime());
        System.out.println("JsonLinesFuzzTest seed " + seed + " (replay with -Dcets.fuzz.seed=" + seed + ")");
        byte[] sample = SAMPLE.getBytes(StandardCharsets.UTF_8);
        JsonLinesReader reader = new JsonLinesReader();
        assertThat(ReaderHarness.read(reader, "sample.jsonl", sample).records).hasSize(5);
        ReaderHarness.fuzz(reader, "sample.jsonl", sample, seed, 600);
    }
}
