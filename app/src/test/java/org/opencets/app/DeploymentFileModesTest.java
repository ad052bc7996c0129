package org.opencets.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencets.store.StoreConfig;
import org.opencets.store.keys.OwnerOnlyFiles;

/**
 * Regression: {@code cets init} made the database (personal data in plain text) and the audit head
 * readable by every account (0644). Both are now owner-only, as are the keys, and so is the data
 * directory when init creates it.
 */
class DeploymentFileModesTest {

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

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
