package org.opencets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cets import --format media FOLDER}: media records, file-hash, PDQ and device identifiers in
 * the case, known-list matches with their category, near-duplicate images in two agencies' cases as
 * a media link, and a camera serial in two cases as a device link. Uses the benign shared PDQ images.
 */
class MediaImportTest {
    static final Path IMAGES = Path.of(System.getProperty("cets.shared.dir", "../shared"), "data/pdq/images/bridge-mods");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    CetsRun cets(String... args) {
        return CetsRun.in(dir.resolve("home"), args);
    }

    void setUp() {
        assertThat(cets("init", "--agency", "TPS", "--name", "Toronto Police", "--region", "CA", "--admin", "alice").code()).isZero();
        assertThat(cets("agency", "add", "RCMP", "--name", "RCMP", "--region", "CA").code()).isZero();
        assertThat(cets("user", "add", "bob", "--agency", "RCMP").code()).isZero();
        assertThat(cets("case", "create", "C1", "--agency", "TPS", "--title", "Seized laptop").code()).isZero();
        assertThat(cets("case", "create", "C2", "--agency", "RCMP", "--title", "Seized phone", "--as", "bob").code()).isZero();
    }

    @Test
    void aFolderOfImagesBecomesMediaRecordsWithMatchesAndNearDuplicateLinks() throws Exception {
        assumeTrue(Files.isDirectory(IMAGES), "shared PDQ images not found at " + IMAGES + "; skipping (CI has them)");
        setUp();
        Path laptop = Files.createDirectories(dir.resolve("laptop/DCIM"));
        Files.copy(IMAGES.resolve("aaa-orig.jpg"), laptop.resolve("IMG_0001.jpg"));
        Files.copy(IMAGES.resolve("high-contrast.jpg"), laptop.resolve("IMG_0002.jpg"));
        Files.writeString(laptop.resolve("notes.txt"), "not an image");
        Files.write(laptop.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2});
        Path phone = Files.createDirectories(dir.resolve("phone"));
        Files.copy(IMAGES.resolve("blur-a-little.jpg"), phone.resolve("20240301_101500.jpg"));

        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(laptop.resolve("IMG_0002.jpg"))));
        Path known = dir.resolve("known.md5");
        Files.writeString(known, md5 + "  series-7/frame-12.jpg\n");

        CetsRun laptopImport = cets("import", "--case", "C1", "--format", "media", "--known", known.toString(), dir.resolve("laptop").toString(), "--json");
        assertThat(laptopImport.code()).as(laptopImport.err()).isZero();
        JsonNode folder = JSON.readTree(laptopImport.out());
        assertThat(folder.get("format").asText()).isEqualTo("media");
        assertThat(folder.get("skipped")).as("the text file is not media").singleElement()
                .satisfies(s -> assertThat(s.get("path").asText()).endsWith("notes.txt"));
        JsonNode report = folder.get("imports").get(0);
        assertThat(report.get("format").asText()).isEqualTo("media");
        assertThat(report.get("records").asInt()).as("three pictures, one of them broken but a JPEG all the same").isEqualTo(3);
        assertThat(report.get("warnings").toString()).contains("broken.jpg").doesNotContain("notes.txt");

        CetsRun found = cets("lookup", "md5:" + md5, "--json");
        assertThat(found.code()).isZero();
        assertThat(found.out()).contains("C1");

        CetsRun phoneImport = cets("import", "--case", "C2", "--format", "auto", dir.resolve("phone").toString(), "--json", "--as", "bob");
        assertThat(phoneImport.code()).as(phoneImport.err()).isZero();
        JsonNode phoneReport = JSON.readTree(phoneImport.out()).get("imports").get(0);
        assertThat(phoneReport.get("links").asInt()).as("the blurred copy is near the original").isGreaterThanOrEqualTo(1);

        JsonNode links = JSON.readTree(cets("links", "--case", "C1", "--json").out());
        JsonNode media = null;
        for (JsonNode l : links) {
            if (l.get("kind").asText().equals("media")) {
                media = l;
            }
        }
        assertThat(media).as(links.toString()).isNotNull();
        assertThat(media.get("b").get("case").get("shared").asBoolean()).as("RCMP's case is a pointer to TPS").isFalse();
        assertThat(cets("alerts", "--case", "C1").out()).contains("near-duplicate image");

        // the known-list match is kept with the record; no pixel content anywhere
        CetsRun records = cets("records", "--case", "C1", "--kind", "media", "--json");
        assertThat(records.code()).as(records.err()).isZero();
        JsonNode matched = null;
        for (JsonNode r : JSON.readTree(records.out())) {
            if (r.get("fields").has("known_id")) {
                matched = r;
            }
        }
        assertThat(matched).as(records.out()).isNotNull();
        assertThat(matched.get("fields").get("path").asText()).endsWith("IMG_0002.jpg");
        assertThat(matched.get("fields").get("known_id").asText()).isEqualTo("series-7/frame-12.jpg");
        assertThat(matched.get("fields").get("match_kind").asText()).isEqualTo("md5");
        assertThat(matched.get("identifiers").toString()).contains("file_hash:md5:" + md5).contains("pdq:");
        assertThat(cets("records", "--case", "C1", "--as", "bob").code()).isEqualTo(ExitCodes.DENIED);
        CetsRun bogus = cets("records", "--case", "C1", "--kind", "bogus");
        assertThat(bogus.code()).as("a value --kind does not take is a usage error").isEqualTo(ExitCodes.USAGE);
        assertThat(bogus.err()).startsWith("cets: Invalid value for option '--kind': unknown record kind 'bogus'").contains("media");
        assertThat(cets("records", "--case", "C1", "--kind", "MEDIA", "--json").out()).isEqualTo(records.out());
        assertThat(cets("audit", "verify").code()).isZero();
    }

    @Test
    void aCameraSerialInTwoCasesIsADeviceLinkAndBadManifestsAreRejected() throws Exception {
        setUp();
        String header = "path,md5,sha1,sha256,pdq,quality,width,height,camera_make,camera_model,camera_serial,taken_at\n";
        Path a = dir.resolve("a.media.csv");
        Files.writeString(a, header + "/x/IMG_1.jpg,0cc175b9c0f1b6a831c399e269772661,86f7e437faa5a7fce15d1ddcb9eaeaea377667b8,"
                + "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb,,,4000,3000,Canon,Canon EOS 5D,0123456789,2024-03-01T10:15:00\n");
        Path b = dir.resolve("b.media.csv");
        Files.writeString(b, header + "/y/DSC_9.jpg,92eb5ffee6ae2fec3ad71c777531578f,e9d71f5ee7c92d6dc9e92ffdad17b8bd49418f98,"
                + "3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d,,,4000,3000,CANON,Canon EOS 5D,0123456789,\n");
        CetsRun first = cets("import", "--case", "C1", "--format", "auto", a.toString(), "--json");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(JSON.readTree(first.out()).get("format").asText()).isEqualTo("media-manifest");
        CetsRun second = cets("import", "--case", "C2", b.toString(), "--json", "--as", "bob");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(JSON.readTree(second.out()).get("links").asInt()).isEqualTo(1);
        assertThat(cets("links", "--case", "C1").out()).contains("device:");

        Path bad = dir.resolve("bad.media.csv");
        Files.writeString(bad, header + "/z/x.jpg,nothex,,,,,,,,,,\n");
        CetsRun rejected = cets("import", "--case", "C1", bad.toString());
        assertThat(rejected.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(rejected.err()).contains("bad.media.csv:2:").contains("hex digits");
        CetsRun notAFolder = cets("import", "--case", "C1", "--format", "media", a.toString());
        assertThat(notAFolder.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notAFolder.err()).contains("not a folder");
    }
}
