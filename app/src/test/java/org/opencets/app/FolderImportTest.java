package org.opencets.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencets.core.audit.AuditEntry;
import org.opencets.core.cases.Sharing;
import org.opencets.formats.read.BadInputException;
import org.opencets.store.TestDatabases;

/**
 * {@link Session#importFolder}: a seized folder that mixes images, a video, record files and other
 * files is sorted file by file; nothing is dropped without a line saying so.
 */
class FolderImportTest {
    static final String CSV = """
            Transaction ID,Txn Date,Amount,Currency,Merchant Name,Customer Email,Customer IP
            T-1,2024-03-01,29.99,USD,Hidden Gallery,j.smith@example.org,81.2.69.160
            T-2,2024-03-02,19.99,USD,Hidden Gallery,jane.roe@example.net,81.2.69.161
            """;
    static final String JSONL = """
            {"kind":"note","text":"informant says the buyer also uses +44 7700 900123"}
            """;

    @TempDir
    Path dir;
    Deployment d;
    Session alice;

    @BeforeEach
    void store() {
        d = Deployment.init(TestDatabases.fresh("sqlite", dir.resolve("home")), "TPS", "Toronto Police Service", "CA", "alice");
        alice = d.session("alice");
        alice.createCase("C1", "TPS", "Seized laptop", Sharing.AGENCY, null);
    }

    static byte[] picture(long seed, String format) throws IOException {
        BufferedImage img = new BufferedImage(160, 120, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        Random r = new Random(seed);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(r.nextInt(0xFFFFFF)));
            g.fillOval(r.nextInt(160), r.nextInt(120), 10 + r.nextInt(60), 10 + r.nextInt(60));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    /** An MP4 by its signature: an ftyp box, then bytes no decoder would make sense of. */
    static byte[] video() {
        byte[] b = new byte[20_000];
        new Random(9).nextBytes(b);
        byte[] box = {0, 0, 0, 32, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
        System.arraycopy(box, 0, b, 0, box.length);
        return b;
    }

    /** A laptop's folder: two pictures, a film, a card processor's CSV, a JSON Lines note, and three other files. */
    Path seized() throws IOException {
        Path root = Files.createDirectories(dir.resolve("laptop"));
        Path dcim = Files.createDirectories(root.resolve("DCIM"));
        Files.write(dcim.resolve("IMG_0001.jpg"), picture(1, "jpg"));
        Files.write(dcim.resolve("IMG_0002.png"), picture(2, "png"));
        Files.write(dcim.resolve("VID_0003.mp4"), video());
        Files.writeString(root.resolve("transactions.csv"), CSV);
        Files.writeString(Files.createDirectories(root.resolve("notes")).resolve("tip.jsonl"), JSONL);
        Files.writeString(root.resolve("notes").resolve("todo.txt"), "buy milk", StandardCharsets.UTF_8);
        byte[] blob = new byte[4000];
        new Random(5).nextBytes(blob);
        Files.write(root.resolve("blob.bin"), blob);
        Files.write(root.resolve("empty.dat"), new byte[0]);
        return root;
    }

    static List<String> names(List<FolderImportReport.Skipped> skipped) {
        return skipped.stream().map(s -> Path.of(s.path()).getFileName().toString()).toList();
    }

    @Test
    void autoImportsEachRecordFileOnItsOwnAndTheImagesAndVideoAsOneMediaImport() throws Exception {
        Path folder = seized();

        FolderImportReport r = alice.importFolder("C1", folder, "auto", List.of(), Session.ImportOptions.defaults());

        assertThat(r.problem()).isNull();
        assertThat(r.imports()).extracting(ImportReport::format).containsExactly("jsonl", "transactions-csv", "media");
        assertThat(r.imports().get(0).file()).endsWith("tip.jsonl");
        assertThat(r.imports().get(1).records()).isEqualTo(2);
        ImportReport media = r.imports().get(2);
        assertThat(media.file()).isEqualTo(folder.toString());
        assertThat(media.records()).as("two pictures and a film").isEqualTo(3);
        assertThat(media.warnings()).as("a film is hashed, not decoded: nothing to warn about").isEmpty();
        assertThat(names(r.skipped())).containsExactly("blob.bin", "empty.dat", "todo.txt");
        assertThat(r.skipped()).extracting(FolderImportReport.Skipped::reason)
                .containsExactly("not an image, video or record format", "empty file", "not an image, video or record format");
        assertThat(r.failed()).isEmpty();
        assertThat(r.files()).isEqualTo(8).isEqualTo(r.recordFiles() + r.mediaFiles() + r.skipped().size() + r.failed().size());
        assertThat(r.recordFiles()).isEqualTo(2);
        assertThat(r.records()).isEqualTo(1 + 2 + 3);

        CaseDetails c = alice.showCase("C1", null);
        assertThat(c.records()).isEqualTo(Map.of("note", 1L, "transaction", 2L, "media", 3L));
        assertThat(c.imports()).extracting(CaseDetails.ImportLine::format)
                .containsExactly("jsonl", "transactions-csv", "media-manifest");
        // skipped files are not evidence: their bytes are nowhere in the store
        assertThat(d.evidence().contains(sha256(folder.resolve("blob.bin")))).isFalse();
        assertThat(d.evidence().contains(sha256(folder.resolve("notes/todo.txt")))).isFalse();
        assertThat(d.evidence().contains(sha256(folder.resolve("DCIM/VID_0003.mp4")))).isTrue();
        assertThat(d.evidence().contains(sha256(folder.resolve("transactions.csv")))).isTrue();

        List<AuditEntry> audit = imports(d.audit().entries(10, null));
        assertThat(audit).extracting(e -> e.action() + " " + e.outcome())
                .containsExactly("import ok", "import ok", "import ok", "import.folder ok");
        assertThat(audit.get(3).detail()).startsWith("8 files: 2 record files, 3 media files, 3 skipped, 0 failed");
        assertThat(alice.verifyAudit().intact()).isTrue();
    }

    @Test
    void mediaImportsOnlyImagesAndVideosAndNamesTheRecordFilesItLeavesOut() throws Exception {
        Path folder = seized();

        FolderImportReport r = alice.importFolder("C1", folder, "media", List.of(), Session.ImportOptions.defaults());

        assertThat(r.problem()).isNull();
        assertThat(r.imports()).singleElement().satisfies(i -> {
            assertThat(i.format()).isEqualTo("media");
            assertThat(i.records()).isEqualTo(3);
        });
        assertThat(names(r.skipped())).containsExactly("blob.bin", "empty.dat", "tip.jsonl", "todo.txt", "transactions.csv");
        assertThat(r.skipped().get(4).reason()).isEqualTo(
                "a file in format transactions-csv, not media (import it with --format auto or --format transactions-csv)");
        assertThat(r.skipped().get(3).reason()).isEqualTo("not an image or video");
        assertThat(alice.showCase("C1", null).records()).isEqualTo(Map.of("media", 3L));
    }

    @Test
    void aRecordFileWithABadRowFailsAloneAndIsNamedWithItsLine() throws Exception {
        Path folder = seized();
        Files.writeString(folder.resolve("transactions.csv"), CSV + "T-3,2024-03-03,9.99\n");

        FolderImportReport r = alice.importFolder("C1", folder, "auto", List.of(), Session.ImportOptions.defaults());

        assertThat(r.failed()).singleElement().satisfies(f -> {
            // a temporary folder's name may happen to be Luhn-valid digits, which every report masks
            assertThat(f.path()).isEqualTo(MediaImport.shown(folder.resolve("transactions.csv").toString()));
            assertThat(f.line()).isEqualTo(4);
            assertThat(f.reason()).contains("fields");
        });
        assertThat(r.problem()).isEqualTo(folder + ": 1 of its 8 files could not be imported (each listed with why); "
                + "the rest were imported or skipped as listed");
        assertThat(r.imports()).extracting(ImportReport::format).containsExactly("jsonl", "media");
        assertThat(alice.showCase("C1", null).records()).as("nothing of the bad file").doesNotContainKey("transaction");
        assertThat(imports(d.audit().entries(10, null))).extracting(e -> e.action() + " " + e.outcome())
                .containsExactly("import ok", "import error", "import ok", "import.folder error");

        // with --skip-bad the same file lands, its bad row reported
        FolderImportReport again = alice.importFolder("C1", folder, "auto", List.of(),
                new Session.ImportOptions(true, null, Map.of(), "second pass"));
        assertThat(again.problem()).isNull();
        assertThat(again.imports()).extracting(i -> i.format() + " " + i.duplicate())
                .containsExactly("jsonl true", "transactions-csv false", "media true");
        assertThat(again.imports().get(1).rejected()).isEqualTo(1);
    }

    @Test
    void aFileInAKnownListIsMediaWhateverItsType() throws Exception {
        Path folder = seized();
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(folder.resolve("blob.bin"))));
        Path known = Files.writeString(dir.resolve("known.md5"), md5 + "  series-7/clip.bin\n");

        FolderImportReport r = alice.importFolder("C1", folder, "auto", List.of(known), Session.ImportOptions.defaults());

        assertThat(names(r.skipped())).containsExactly("empty.dat", "todo.txt");
        assertThat(r.mediaFiles()).isEqualTo(4);
        List<RecordView> media = alice.records("C1", "media", 10, null);
        assertThat(media).anySatisfy(m -> assertThat(m.fields().toString()).contains("series-7/clip.bin"));
    }

    @Test
    void aCorruptPictureIsStillMediaWithAWarning() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("carved"));
        byte[] jpeg = picture(3, "jpg");
        Files.write(folder.resolve("f0001.jpg"), java.util.Arrays.copyOf(jpeg, 200));

        FolderImportReport r = alice.importFolder("C1", folder, "auto", List.of(), Session.ImportOptions.defaults());

        assertThat(r.problem()).isNull();
        assertThat(r.mediaFiles()).isEqualTo(1);
        assertThat(r.imports().get(0).warnings()).singleElement().asString().startsWith(folder.resolve("f0001.jpg") + ": ");
    }

    @Test
    void anEmptyFolderAndAFolderWithNothingToImportAreProblemsAndStoreNothing() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty/sub"));
        FolderImportReport none = alice.importFolder("C1", empty.getParent(), "auto", List.of(), Session.ImportOptions.defaults());
        assertThat(none.files()).isZero();
        assertThat(none.imports()).isEmpty();
        assertThat(none.problem()).isEqualTo(empty.getParent()
                + ": the folder is empty (no file in it or in its subfolders); nothing was imported");

        Path junk = Files.createDirectories(dir.resolve("junk"));
        Files.writeString(junk.resolve("a.txt"), "hello");
        Files.write(junk.resolve("b.bin"), new byte[] {1, 2, 3});
        FolderImportReport nothing = alice.importFolder("C1", junk, "auto", List.of(), Session.ImportOptions.defaults());
        assertThat(nothing.problem()).isEqualTo(junk
                + ": none of its 2 files is an image, a video or a file of a record format; nothing was imported");
        assertThat(names(nothing.skipped())).containsExactly("a.txt", "b.bin");

        Files.writeString(junk.resolve("c.csv"), CSV);
        FolderImportReport onlyRecords = alice.importFolder("C1", junk, "media", List.of(), Session.ImportOptions.defaults());
        assertThat(onlyRecords.problem()).isEqualTo(junk
                + ": none of its 3 files is an image or a video; nothing was imported (1 is a record file: use --format auto)");

        assertThat(alice.showCase("C1", null).imports()).isEmpty();
        assertThat(imports(d.audit().entries(10, null))).extracting(e -> e.action() + " " + e.outcome())
                .containsExactly("import.folder error", "import.folder error", "import.folder error");
    }

    @Test
    void whatIsWrongBeforeAnyFileIsReadThrows() throws Exception {
        Path folder = seized();
        assertThatThrownBy(() -> alice.importFolder("C1", folder, "auto", List.of(),
                new Session.ImportOptions(false, null, Map.of("mapping", "acquirer.map"), null)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("reader options (mapping)");
        assertThatThrownBy(() -> alice.importFolder("C1", folder, "jsonl", List.of(), Session.ImportOptions.defaults()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("only --format auto");
        assertThatThrownBy(() -> alice.importFolder("C1", folder.resolve("transactions.csv"), "media", List.of(),
                Session.ImportOptions.defaults())).isInstanceOf(BadInputException.class).hasMessageContaining("not a folder");
        alice.addAgency("RCMP", "RCMP", "CA");
        alice.addUser("bob", "RCMP", java.util.EnumSet.noneOf(org.opencets.core.cases.Role.class), null);
        assertThatThrownBy(() -> d.session("bob").importFolder("C1", folder, "auto", List.of(), Session.ImportOptions.defaults()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(d.audit().entries(1, null)).singleElement()
                .satisfies(e -> assertThat(e.action() + " " + e.outcome()).isEqualTo("import.folder denied"));
        assertThat(alice.showCase("C1", null).imports()).isEmpty();
    }

    /** The audit entries of imports, in order. */
    static List<AuditEntry> imports(List<AuditEntry> entries) {
        return entries.stream().filter(e -> e.action().startsWith("import")).toList();
    }

    static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }
}
