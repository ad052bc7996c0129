package org.opencets.formats.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.record.Mention;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.read.Formats;
import org.opencets.formats.testing.ReaderHarness;

class MediaManifestReaderTest {
    static final String HEADER = "path,md5,sha1,sha256,pdq,quality,width,height,camera_make,camera_model,camera_serial,taken_at,"
            + "known_list,known_id,match_kind,distance,category\n";
    static final String PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
    static final String ROW = "/case/DCIM/IMG_0001.jpg,0cc175b9c0f1b6a831c399e269772661,86f7e437faa5a7fce15d1ddcb9eaeaea377667b8,"
            + "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb," + PDQ + ",100,4000,3000,Canon,Canon EOS 5D,0123456789,"
            + "2024-03-01T10:15:00,vics.json,M-17,pdq,12,1\n";
    final MediaManifestReader reader = new MediaManifestReader();

    @Test
    void aRowBecomesOneMediaRecordWithDigestPdqAndDeviceIdentifiers() throws Exception {
        var r = ReaderHarness.read(reader, "laptop.media.csv", (HEADER + ROW).getBytes(StandardCharsets.UTF_8));
        assertThat(r.rejected).isEmpty();
        assertThat(r.records).singleElement().satisfies(rec -> {
            assertThat(rec.kind()).isEqualTo(RecordKind.MEDIA);
            assertThat(rec.line()).isEqualTo(2);
            assertThat(rec.occurredAt()).isEqualTo("2024-03-01T10:15:00");
            assertThat(rec.fields()).containsEntry("known_id", "M-17").containsEntry("category", "1").containsEntry("quality", 100);
            assertThat(rec.mentions()).extracting(m -> m.identifier().type()).containsExactly(IdentifierType.FILE_HASH,
                    IdentifierType.FILE_HASH, IdentifierType.FILE_HASH, IdentifierType.PDQ, IdentifierType.DEVICE);
            assertThat(rec.mentions()).extracting(Mention::role).contains("media_file", "media_pdq", "camera");
        });
    }

    @Test
    void aLowQualityPdqIsKeptAsAFieldButNeverMatches() throws Exception {
        String row = ROW.replace("," + PDQ + ",100,", "," + PDQ + ",49,");
        var r = ReaderHarness.read(reader, "m.csv", (HEADER + row).getBytes(StandardCharsets.UTF_8));
        assertThat(r.records.get(0).fields()).containsEntry("pdq", PDQ);
        assertThat(r.records.get(0).mentions()).noneMatch(m -> m.identifier().type() == IdentifierType.PDQ);
    }

    @Test
    void badRowsAreRejectedWithTheirLineAndAMissingColumnFailsTheFile() throws Exception {
        String bad = "/x.jpg,xyz,,,,,,,,,,,,,,,\n" + "/y.jpg,0cc175b9c0f1b6a831c399e269772661,,,abc,7,,,,,,,,,,,\n"
                + "/z.jpg,,,,,,,,,,,,,,,,\n" + "/w.jpg,0cc175b9c0f1b6a831c399e269772661,,," + PDQ + ",101,,,,,,,,,,,\n";
        var r = ReaderHarness.read(reader, "m.csv", (HEADER + bad).getBytes(StandardCharsets.UTF_8));
        assertThat(r.records).isEmpty();
        assertThat(r.rejected).hasSize(4);
        assertThat(r.rejected.get(0)).startsWith("2: ").contains("hex");
        assertThat(r.rejected.get(2)).startsWith("4: no digest");
        assertThat(r.rejected.get(3)).startsWith("5: quality 101");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReaderHarness.read(reader, "m.csv",
                        "path,md5\n/x.jpg,0cc175b9c0f1b6a831c399e269772661\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("no 'sha1' column");
    }

    @Test
    void detectedFromItsHeader() {
        assertThat(Formats.installed().detect("export.txt", (HEADER + ROW).getBytes(StandardCharsets.UTF_8)))
                .get().extracting(f -> f.format()).isEqualTo("media-manifest");
        assertThat(reader.sniff("x.csv", "date,email\n".getBytes(StandardCharsets.UTF_8))).isZero();
    }

    @Test
    void fuzzedManifestsGiveRecordsOrAClearError() throws Exception {
        long seed = System.nanoTime();
        System.out.println("MediaManifestReaderTest fuzz seed " + seed);
        byte[] sample = (HEADER + ROW + ROW.replace("IMG_0001", "IMG_0002")).getBytes(StandardCharsets.UTF_8);
        ReaderHarness.fuzz(reader, "m.csv", sample, seed, 500);
        assertThat(ReaderHarness.read(reader, "m.csv", sample, null, Map.of()).records).hasSize(2);
    }
}
