package org.opencets.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.opencets.app.FileModes.mode;
import static org.opencets.app.FileModes.notOwnerOnly;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencets.core.cases.Sharing;
import org.opencets.store.StoreConfig;
import org.opencets.store.keys.OwnerOnlyFiles;

/**
 * Regression: {@code cets init} made the database (personal data in plain text) and the audit head
 * readable by every account (0644). Both are now owner-only, as are the keys, and so is the data
 * directory when init creates it. Regression too: {@code cets.properties}, the evidence folders and
 * the working folder of a media import were made with the process's umask (0644 and 0755 under the
 * usual one), which let any account on the machine list the SHA-256 of every seized file.
 */
class DeploymentFileModesTest {

    @Test
    void initMakesTheStoreOwnerOnly(@TempDir Path dir) throws IOException {
        assumeTrue(OwnerOnlyFiles.posix(dir), "file system without POSIX permissions");
        Path home = dir.resolve("parent").resolve("home");
        Deployment d = Deployment.init(StoreConfig.embedded(home), "TPS", "Toronto Police Service", "CA", "alice");
        d.session("alice").addAgency("RCMP", "Royal Canadian Mounted Police", "CA");

        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(mode(home.resolve("keys"))).isEqualTo("rwx------");
        for (String name : new String[] {"cets.db", "audit.head", "keys/card.key", "keys/audit.key", "keys/evidence.key"}) {
            assertThat(mode(home.resolve(name))).as(name).isEqualTo("rw-------");
        }
        // SQLite makes its companions with the main file's mode
        for (String name : new String[] {"cets.db-wal", "cets.db-shm"}) {
            Path companion = home.resolve(name);
            if (Files.exists(companion)) {
                assertThat(mode(companion)).as(name).isEqualTo("rw-------");
            }
        }
        assertThat(home.resolve("audit.head.tmp")).doesNotExist();
    }

    private static List<String> names(Path home) throws IOException {
        try (Stream<Path> all = Files.walk(home)) {
            return all.map(p -> home.relativize(p).toString()).toList();
        }
    }

    private static void drawnImage(Path file, long seed) throws IOException {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(200, 150, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        for (int i = 0; i < 20; i++) {
            g.setColor(new Color(r.nextInt(0xffffff)));
            g.fillOval(r.nextInt(200), r.nextInt(150), 1 + r.nextInt(100), 1 + r.nextInt(75));
        }
        g.dispose();
        assertThat(ImageIO.write(img, "png", file.toFile())).isTrue();
    }

    @Test
    void everythingTheStoreMakesUnderHomeIsOwnerOnly(@TempDir Path dir) throws IOException {
        assumeTrue(OwnerOnlyFiles.posix(dir), "file system without POSIX permissions");
        Path home = dir.resolve("home");
        Deployment d = Deployment.init(StoreConfig.embedded(home), "TPS", "Toronto Police Service", "CA", "alice");
        assertThat(home.resolve("cets.properties")).exists();
        assertThat(notOwnerOnly(home)).as("after init").isEmpty();

        Session alice = d.session("alice");
        alice.createCase("C1", "TPS", "Gallery buyers", Sharing.AGENCY, null);
        Path tx = dir.resolve("tx.csv");
        Files.writeString(tx, """
                transaction_id,date,amount,currency,merchant,card_number,cardholder_name,email
                T1,2024-03-01T10:00:00Z,29.99,USD,Hidden Gallery,4556 7375 8689 9855,John Smith,j.smith@example.com
                """);
        ImportReport imported = alice.importFile("C1", "transactions-csv", tx, Session.ImportOptions.defaults());
        assertThat(imported.records()).isEqualTo(1);
        String sha = imported.evidenceSha256();
        assertThat(home.resolve("evidence").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha + ".cev")).exists();
        assertThat(notOwnerOnly(home)).as("after an import").isEmpty();

        Path seized = Files.createDirectories(dir.resolve("laptop/DCIM"));
        drawnImage(seized.resolve("IMG_0001.png"), 1);
        drawnImage(seized.resolve("IMG_0002.png"), 2);
        // while the manifest is imported, the media import's working folder and manifest are in home
        List<Map<String, String>> duringImport = new ArrayList<>();
        List<List<String>> namesDuringImport = new ArrayList<>();
        FolderImportReport media = alice.importFolder("C1", dir.resolve("laptop"), "media", List.of(),
                Session.ImportOptions.defaults().withProgress(n -> {
                    duringImport.add(notOwnerOnly(home));
                    try {
                        namesDuringImport.add(names(home));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
        assertThat(media.records()).isEqualTo(2);
        assertThat(namesDuringImport).isNotEmpty();
        assertThat(namesDuringImport.get(0)).as("the working folder's manifest").anyMatch(n -> n.endsWith(".media.csv"));
        assertThat(duringImport).allSatisfy(loose -> assertThat(loose).as("during a media import").isEmpty());
        assertThat(notOwnerOnly(home)).as("after a media import").isEmpty();
        assertThat(names(home)).noneMatch(n -> n.contains(".media-import-") || n.contains("incoming-"));
    }

    @Test
    void initLeavesTheModeOfADirectoryThatExistsAlready(@TempDir Path dir) throws IOException {
        assumeTrue(OwnerOnlyFiles.posix(dir), "file system without POSIX permissions");
        Path home = Files.createDirectory(dir.resolve("home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-x---"));

        Deployment.init(StoreConfig.embedded(home), "TPS", "Toronto Police Service", "CA", "alice");

        assertThat(mode(home)).isEqualTo("rwxr-x---");
        assertThat(mode(home.resolve("cets.db"))).isEqualTo("rw-------");
    }

    @Test
    void aStoreWithLooserModesStillOpens(@TempDir Path dir) throws IOException {
        assumeTrue(OwnerOnlyFiles.posix(dir), "file system without POSIX permissions");
        Path home = dir.resolve("home");
        StoreConfig config = StoreConfig.embedded(home);
        Deployment.init(config, "TPS", "Toronto Police Service", "CA", "alice");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String name : new String[] {"cets.db", "audit.head"}) {
            Files.setPosixFilePermissions(home.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
        }

        Deployment d = Deployment.open(config);

        assertThat(d.session("alice").verifyAudit().problems()).isEmpty();
        assertThat(mode(home.resolve("cets.db"))).isEqualTo("rw-r--r--");
    }
}
