package org.opencets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cets import FOLDER} on a seized folder that mixes pictures with other files, as an
 * investigator types it: the CSV becomes records, the pictures media, every other file is named as
 * skipped — all of them in {@code --json}, the first {@value ImportCommand#SHOWN} on screen.
 */
class FolderImportCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CSV = """
            Transaction ID,Txn Date,Amount,Currency,Merchant Name,Customer Email,Customer IP
            T-1,2024-03-01,29.99,USD,Hidden Gallery,j.smith@example.org,81.2.69.160
            T-2,2024-03-02,19.99,USD,Hidden Gallery,jane.roe@example.net,81.2.69.161
            """;

    @TempDir
    Path dir;

    CetsRun cets(String... args) {
        return CetsRun.in(dir.resolve("home"), args);
    }

    @BeforeEach
    void setUp() {
        assertThat(cets("init", "--agency", "TPS", "--name", "Toronto Police", "--region", "CA", "--admin", "alice").code()).isZero();
        assertThat(cets("case", "create", "C1", "--agency", "TPS", "--title", "Seized laptop").code()).isZero();
    }

    static void picture(Path file, long seed, String format) throws IOException {
        BufferedImage img = new BufferedImage(120, 90, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < 10; i++) {
            g.setColor(new Color(r.nextInt(0xFFFFFF)));
            g.fillRect(r.nextInt(120), r.nextInt(90), 5 + r.nextInt(40), 5 + r.nextInt(40));
        }
        g.dispose();
        assertThat(ImageIO.write(img, format, file.toFile())).isTrue();
    }

    /** Two pictures, a transactions CSV, a text file, a binary file, and {@code others} more documents. */
    Path seized(int others) throws IOException {
        Path root = Files.createDirectories(dir.resolve("seized"));
        picture(root.resolve("IMG_0001.jpg"), 1, "jpg");
        picture(root.resolve("IMG_0002.png"), 2, "png");
        Files.writeString(root.resolve("transactions.csv"), CSV);
        Files.writeString(root.resolve("letter.txt"), "Dear Sir, nothing to see here.");
        Files.write(root.resolve("unknown.bin"), new byte[] {0, 1, 2, 3, (byte) 0xFE, (byte) 0xFF});
        Path docs = Files.createDirectories(root.resolve("Documents"));
        for (int i = 0; i < others; i++) {
            Files.writeString(docs.resolve(String.format("report-%03d.doc", i)), "draft " + i);
        }
        return root;
    }

    @Test
    void aMixedFolderImportsTheCsvAsRecordsAndThePicturesAsMediaAndNamesEveryOtherFile() throws Exception {
        Path folder = seized(0);

        CetsRun run = cets("import", "--case", "C1", "--format", "auto", folder.toString(), "--json");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.get("problem").isNull()).isTrue();
        assertThat(r.get("files").asInt()).isEqualTo(5);
        List<String> formats = new ArrayList<>();
        r.get("imports").forEach(i -> formats.add(i.get("format").asText() + " " + i.get("records").asInt()));
        assertThat(formats).containsExactly("transactions-csv 2", "media 2");
        List<String> skipped = new ArrayList<>();
        r.get("skipped").forEach(s -> skipped.add(folder.relativize(Path.of(s.get("path").asText())) + ": " + s.get("reason").asText()));
        assertThat(skipped).containsExactly("letter.txt: not an image, video or record format",
                "unknown.bin: not an image, video or record format");

        assertThat(cets("lookup", "j.smith@example.org", "--json").out()).contains("C1");
        CetsRun media = cets("records", "--case", "C1", "--kind", "media", "--json");
        assertThat(JSON.readTree(media.out())).hasSize(2);
        CetsRun audit = cets("audit", "list");
        assertThat(audit.out()).contains("import.folder").contains("5 files: 1 record file, 2 media files, 2 skipped, 0 failed");
        assertThat(cets("audit", "verify").code()).isZero();
    }

    @Test
    void theScreenShowsTwentySkippedFilesAndTheJsonAllOfThem() throws Exception {
        Path folder = seized(50);

        CetsRun text = cets("import", "--case", "C1", folder.toString());

        assertThat(text.code()).as(text.err()).isZero();
        List<String> lines = text.out().lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("  skipped ")).hasSize(ImportCommand.SHOWN);
        assertThat(lines).contains("  … and 32 more skipped (all in --json)");
        assertThat(lines).contains(folder + ": 55 files: 1 record file imported, 2 files in the media import, 52 skipped, 0 failed");
        assertThat(lines).contains("  skipped Documents/report-000.doc (7 bytes): not an image, video or record format");
        assertThat(lines).as(text.out()).hasSizeLessThan(35);

        CetsRun json = cets("import", "--case", "C1", "--format", "media", folder.toString(), "--json");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode skipped = JSON.readTree(json.out()).get("skipped");
        assertThat(skipped).hasSize(53);
        List<String> names = new ArrayList<>();
        skipped.forEach(s -> names.add(Path.of(s.get("path").asText()).getFileName().toString()));
        for (int i = 0; i < 50; i++) {
            assertThat(names).contains(String.format("report-%03d.doc", i));
        }
        assertThat(names).contains("transactions.csv", "letter.txt", "unknown.bin");
    }

    @Test
    void anEmptyFolderSaysSoAndExitsFour() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty/DCIM"));

        CetsRun run = cets("import", "--case", "C1", empty.getParent().toString());

        assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).isEqualTo("cets: " + empty.getParent()
                + ": the folder is empty (no file in it or in its subfolders); nothing was imported" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aFolderWithNoPictureAndNoRecordFileIsAnErrorThatStillListsItsFiles() throws Exception {
        Path junk = Files.createDirectories(dir.resolve("junk"));
        Files.writeString(junk.resolve("letter.txt"), "Dear Sir");
        Files.write(junk.resolve("unknown.bin"), new byte[] {0, 1, 2});

        CetsRun run = cets("import", "--case", "C1", junk.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("cets: " + junk
                + ": none of its 2 files is an image, a video or a file of a record format; nothing was imported");
        assertThat(run.out()).contains("  skipped letter.txt (8 bytes): not an image, video or record format")
                .contains("  skipped unknown.bin (3 bytes)");

        CetsRun json = cets("import", "--case", "C1", junk.toString(), "--json");
        assertThat(json.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(JSON.readTree(json.out()).get("skipped")).hasSize(2);
        assertThat(cets("case", "show", "C1", "--json").out()).doesNotContain("letter.txt");
    }

    @Test
    void aBadCsvInTheFolderFailsAloneWithItsLineAndTheExitCodeSaysSo() throws Exception {
        Path folder = seized(0);
        Files.writeString(folder.resolve("transactions.csv"), CSV + "T-3,2024-03-03\n");

        CetsRun run = cets("import", "--case", "C1", folder.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.out()).contains("  failed transactions.csv:4: ");
        assertThat(run.out()).contains("(media): 2 records");
        assertThat(run.err()).contains("1 of its 5 files could not be imported");
    }

    @Test
    void aFolderWithAnotherFormatOrAReaderOptionIsAUsageMistakeNamedAsSuch() throws Exception {
        Path folder = seized(0);
        CetsRun named = cets("import", "--case", "C1", "--format", "transactions-csv", folder.toString());
        assertThat(named.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(named.err()).contains("is a folder; only --format auto").contains("not --format transactions-csv");
        CetsRun mapped = cets("import", "--case", "C1", "--mapping", "acquirer.map", folder.toString());
        assertThat(mapped.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(mapped.err()).contains("reader options (mapping)");
    }

    @Test
    void theHelpSaysWhatAFolderImportDoes() {
        CetsRun help = cets("import", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("A folder").contains("skipped").contains("--json");
    }
}
